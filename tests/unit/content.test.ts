import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentDir, loadContent } from "../../app/lib/content.server";

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

  it("cites seed files that exist", () => {
    const seeds = path.resolve(contentDir, "../../shared/seeds");
    for (const s of loadContent().sources.filter((s) => s.seed_file)) {
      expect(() => readFileSync(path.join(seeds, s.seed_file!))).not.toThrow();
    }
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
