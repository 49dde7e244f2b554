import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentDir, loadContent } from "../../app/seed/content.server";
import { maxQuoteLength } from "../../app/seed/content-schema";

const copies: string[] = [];
function copyContent() {
  const dir = mkdtempSync(path.join(tmpdir(), "jembatan-content-"));
  cpSync(contentDir, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterEach(() => copies.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("content/", () => {
  it("is valid and holds the partnership's records", () => {
    const c = loadContent();
    expect(c.partnerships[0]!.countries).toEqual(["ID", "AZ"]);
    expect(c.agreements.map((a) => a.kind).sort()).toEqual(["action_plan", "mou", "renewal"]);
    const mou = c.agreements.find((a) => a.kind === "mou")!;
    expect(mou.signed_on).toBe("2017-07-24");
    expect(mou.commitments.some((m) => m.slug.includes("one-stop-shop"))).toBe(true);
    const busan = c.activities.find((a) => a.city === "Busan")!;
    expect(busan).toMatchObject({ starts: "2016-11-10", type: "meeting", country: "KR" });
    const baku = c.activities.find((a) => a.city === "Baku" && a.type === "visit")!;
    expect(baku.starts).toBe("2023-10-10");
    expect(c.cases.some((k) => /EDAT/.test(k.title.en))).toBe(true);
  });

  it("gives every source what a reader needs to check it, inside the repository", () => {
    const sources = loadContent().sources;
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      const where = `source ${s.slug}`;
      expect(s.publisher.trim(), where).not.toBe("");
      // Either the original headline or a title of ours, marked as such: never both, never neither.
      expect([s.headline, s.descriptive_title].filter(Boolean), where).toHaveLength(1);
      // A reader can check a source by following its URL or by reading the quotation.
      expect(Boolean(s.url || s.quote), where).toBe(true);
      if (s.kind === "article") expect(s.published_on, where).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
      if (s.quote) expect(s.quote.length, where).toBeLessThanOrEqual(maxQuoteLength);
    }
    // Every source that is not online quotes itself; the seed articles are all such sources.
    expect(sources.filter((s) => !s.url).every((s) => s.quote)).toBe(true);
    expect(sources.filter((s) => s.language === "id").length).toBeGreaterThanOrEqual(5);
  });

  describe("rejects a source", () => {
    const edit = (replace: (yaml: string) => string) => {
      const dir = copyContent();
      const file = path.join(dir, "sources.yaml");
      const before = readFileSync(file, "utf8");
      const after = replace(before);
      expect(after).not.toBe(before);
      writeFileSync(file, after);
      return dir;
    };
    // The Liputan6 article has no URL: its quote is how a reader checks it.
    const liputan6 = /(- slug: liputan6-2017-07-mou-signed\n(?:(?!- slug:)[\s\S])*?) {2}quote: [^\n]*\n/;

    it("without a quote and without a URL", () => {
      const dir = edit((y) => y.replace(liputan6, "$1"));
      expect(() => loadContent(dir)).toThrow(/without a URL needs a quote/);
    });

    it("with a quote longer than a sentence or two", () => {
      const dir = edit((y) => y.replace(liputan6, `$1  quote: "${"kata ".repeat(70).trim()}"\n`));
      expect(() => loadContent(dir)).toThrow(/<=300 characters[\s\S]*quote/);
    });

    it("with both a headline and a descriptive title, or with neither", () => {
      const both = edit((y) =>
        y.replace(/( {2}descriptive_title: "KemenPANRB and[^\n]*\n)/, '$1  headline: "Judul"\n'),
      );
      expect(() => loadContent(both)).toThrow(/either its original headline or a descriptive title/);
      const neither = edit((y) => y.replace(/ {2}descriptive_title: "KemenPANRB and[^\n]*\n/, ""));
      expect(() => loadContent(neither)).toThrow(/either its original headline or a descriptive title/);
    });

    it("that is an article without a date", () => {
      const dir = edit((y) => y.replace(/ {2}published_on: "2018"\n/, ""));
      expect(() => loadContent(dir)).toThrow(/article needs its publication date/);
    });

    it("that names a file instead of carrying its citation", () => {
      const dir = edit((y) => y.replace(liputan6, "$1  seed_file: 001.txt\n"));
      expect(() => loadContent(dir)).toThrow(/seed_file/);
    });
  });

  it("rejects a reference to a record that does not exist", () => {
    const dir = copyContent();
    const file = path.join(dir, "activities", "2016-11-10-busan-bilateral-meeting.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/country: KR/, "country: ZZ"));
    expect(() => loadContent(dir)).toThrow(/unknown country "ZZ"/);
  });

  it("rejects a record without a source", () => {
    const dir = copyContent();
    const file = path.join(dir, "cases", "edat-malaria-teluk-bintuni.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^sources:[\s\S]*$/m, "sources: []\n"));
    expect(() => loadContent(dir)).toThrow(/at least one source/);
  });
});
