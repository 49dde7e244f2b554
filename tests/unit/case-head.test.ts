import { describe, expect, it } from "vitest";
import { caseHead, caseMeta, shortDescription, type CaseHeadInput } from "../../app/lib/case-head";
import { caseSlugFor, shownRich, shownText } from "../../app/lib/case-text";

const input: CaseHeadInput = {
  slug: "one-stop-halls",
  slugId: null,
  title: { en: "One-stop halls" },
  summary: { en: "Every permit in one hall." },
  countryCode: "AZ",
  countryName: { en: "Azerbaijan", id: "Azerbaijan" },
  place: null,
  latitude: null,
  longitude: null,
  startedYear: 2013,
  stoppedYear: 2019,
  sdgGoals: [],
  sdgTargets: [],
  awards: [],
  organization: null,
  publishedAt: new Date("2025-01-02T03:04:05Z"),
};
const labels = { sector: "Public service delivery", site: "Jembatan" };

describe("the case page's head", () => {
  it("names the address of the language shown canonical, with alternates only where the slugs differ", () => {
    const plain = caseHead(input, "id", "https://j.example", labels);
    expect(plain.canonical).toBe("https://j.example/library/one-stop-halls");
    expect(plain.alternates).toEqual([]);
    const both = caseHead({ ...input, slugId: "balai-satu-atap" }, "id", "https://j.example", labels);
    expect(both.canonical).toBe("https://j.example/library/balai-satu-atap");
    expect(both.alternates.map((a) => a.hrefLang)).toEqual(["en", "id", "x-default"]);
    expect(both.locale).toBe("id_ID");
    expect(both.localeAlternates).toEqual(["en_GB", "az_AZ"]);
    // No Indonesian title yet: the English one, for every head.
    expect(both.title).toBe("One-stop halls");
  });

  it("describes the innovation in JSON-LD, with the years it ran and no place it lacks", () => {
    const { jsonLd } = caseHead(input, "en", "https://j.example", labels);
    expect(jsonLd).toMatchObject({
      "@type": "Article",
      temporalCoverage: "2013/2019",
      datePublished: "2025-01-02T03:04:05.000Z",
      spatialCoverage: { name: "Azerbaijan", address: { addressCountry: "AZ" } },
    });
    expect(jsonLd).not.toHaveProperty("award");
    expect(jsonLd.spatialCoverage).not.toHaveProperty("geo");
  });

  it("gives React Router's meta the title, description, Open Graph and the JSON-LD", () => {
    const meta = caseMeta(caseHead(input, "en", "https://j.example", labels));
    expect(meta).toContainEqual({ title: "One-stop halls · Jembatan" });
    expect(meta).toContainEqual({ property: "og:title", content: "One-stop halls" });
    expect(meta).toContainEqual({ property: "og:url", content: "https://j.example/library/one-stop-halls" });
    expect(meta.some((m) => "script:ld+json" in m)).toBe(true);
    expect(caseMeta(undefined)).toEqual([]);
  });

  it("cuts a long summary at a word for the description", () => {
    const long = `${"word ".repeat(60)}end`;
    const cut = shortDescription(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
    expect(shortDescription("  short\n text ")).toBe("short text");
  });
});

describe("a case's text in the reader's language", () => {
  it("falls back to the other language, saying so, and skips blank text", () => {
    expect(shownText({ en: "Queues" }, "id")).toEqual({ value: "Queues", lang: "en", fallback: true });
    expect(shownText({ en: "Queues", id: "Antrean" }, "id")).toEqual({ value: "Antrean", lang: "id", fallback: false });
    expect(shownText({ en: " ", id: "" }, "en")).toBeNull();
    expect(shownText(null, "en")).toBeNull();
    const doc = (html: string, text: string) => ({ json: {}, html, text });
    expect(shownRich({ id: doc("<p>Pelajaran</p>", "Pelajaran") }, "en")).toEqual({
      value: "<p>Pelajaran</p>",
      lang: "id",
      fallback: true,
    });
    expect(shownRich({ en: doc("<p></p>", "") }, "en")).toBeNull();
    expect(caseSlugFor({ slug: "a", slugId: "b" }, "id")).toBe("b");
    expect(caseSlugFor({ slug: "a", slugId: null }, "id")).toBe("a");
  });
});
