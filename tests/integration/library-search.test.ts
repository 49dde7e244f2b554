/**
 * The library's search (app/models/library-search*.server.ts) over what publishCase wrote:
 * ranking, both languages' stemming, typos, filters with their counts, and hostile input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../app/i18n/config";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { parseLibraryQuery, maxQueryLength } from "../../app/models/library-search-query.server";
import { searchLibrary } from "../../app/models/library-search.server";
import { archiveCase } from "../../app/models/case-publish.server";
import { dataVersion } from "../../app/models/data-version.server";
import { makeCase, makePublishedCase, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const query = (search: string) => parseLibraryQuery(new URLSearchParams(search));

describe("the library query in the URL", () => {
  it("reads search, filters, sort and page, and ignores what it cannot read", () => {
    expect(
      query("q=asan&country=az&sector=health&sdg=16&award=unpsa&state=running&year=2015&sort=title&page=2"),
    ).toEqual({
      q: "asan",
      country: "AZ",
      sector: "health",
      sdg: 16,
      award: "unpsa",
      state: "running",
      year: 2015,
      sort: "title",
      page: 2,
    });
    expect(query("sector=bogus&sdg=99&award=x&state=maybe&year=99999&country=Indonesia&page=-1&sort=random")).toEqual({
      sort: "newest",
      page: 1,
    });
    expect(query("q=%20%20&page=100000")).toEqual({ sort: "newest", page: 1 });
    const long = query(`q=${"word ".repeat(500)}`);
    expect(long.q!.length).toBeLessThanOrEqual(maxQueryLength);
    expect(long.q!.split(" ")).toHaveLength(8);
    expect(query("q=a%00b%02c%03d").q).toBe("a b c d");
  });
});

describe.each(drivers)("searching the library on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  const ids: Record<string, number> = {};
  const search = (s: string, lang: Language = "en") => searchLibrary(db, query(s), { lang });
  const slugs = async (s: string, lang: Language = "en") => (await search(s, lang)).rows.map((r) => r.slug);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await db
      .insert(t.countries)
      .values([
        { code: "ID", name: { en: "Indonesia", id: "Indonesia" }, timeZone: "Asia/Jakarta" },
        { code: "AZ", name: { en: "Azerbaijan", id: "Azerbaijan" }, timeZone: "Asia/Baku" },
      ])
      .onConflictDoNothing();
    const made = {
      asan: await makePublishedCase(db, {
        title: { en: "ASAN Xidmat service centres", id: "Pusat layanan ASAN Xidmat", az: "ASAN Xidmət mərkəzləri" },
        summary: {
          en: "Many agencies' services under one roof in Azerbaijan.",
          id: "Banyak layanan di bawah satu atap.",
          az: "Bir çox qurumun xidmətləri bir dam altında.",
        },
        countryCode: "AZ",
        sector: "public_service_delivery",
        startedYear: 2012,
        sdgGoals: [16],
        awards: [{ key: "unpsa", title: { en: "UN Public Service Award" }, year: 2015 }],
        awardKeys: ["unpsa"],
      }),
      mpp: await makePublishedCase(db, {
        title: {
          en: "Public service malls (Mal Pelayanan Publik, MPP)",
          id: "Mal Pelayanan Publik (MPP)",
        },
        summary: {
          en: "One building for central and local services, inspired by ASAN centres.",
          id: "Satu gedung untuk pelayanan pusat dan daerah, terinspirasi pusat ASAN.",
        },
        countryCode: "ID",
        sector: "public_service_delivery",
        startedYear: 2017,
        sdgGoals: [16, 9],
      }),
      edat: await makePublishedCase(db, {
        title: { en: "EDAT: tracking every malaria case", id: "EDAT: pelacakan setiap kasus malaria" },
        summary: {
          en: "Early diagnosis and treatment of malaria, followed case by case.",
          id: "Diagnosis dini malaria.",
        },
        problem: { en: "Malaria cases were <b>lost</b> between clinics & villages." },
        countryCode: "ID",
        sector: "health",
        startedYear: 2009,
        stoppedYear: 2020,
        sdgGoals: [3],
      }),
      permits: await makePublishedCase(db, {
        title: { en: "Online business permits" },
        summary: { en: "Permits in one online one-stop-shop service." },
        countryCode: "ID",
        sector: "business_licensing",
        startedYear: 2018,
      }),
    };
    for (const [name, row] of Object.entries(made)) ids[name] = row.id;
    // A draft is never found: the public reads publications only.
    await makeCase(db, { title: { en: "ASAN Xidmat draft revision" }, countryCode: "AZ" });
  });
  afterAll(() => test?.close());

  const slugOf = (name: string) => async () =>
    (await db.query.cases.findFirst({ where: (c, { eq }) => eq(c.id, ids[name]!) }))!.slug;

  it("lists an exact name first", async () => {
    const found = await slugs("q=asan+xidmat");
    expect(found[0]).toBe(await slugOf("asan")());
    expect(found).not.toContain(expect.stringContaining("draft"));
    // "asan" is also in the mall's summary: found, but after the case of that name.
    const asan = await slugs("q=asan");
    expect(asan[0]).toBe(await slugOf("asan")());
    expect(asan).toContain(await slugOf("mpp")());
  });

  it("finds words in either language, stemmed by each language's rules", async () => {
    expect(await slugs("q=malaria")).toEqual([await slugOf("edat")()]);
    // pelayanan → layan (Indonesian stemmer) matches "layanan" and "pelayanan" alike.
    const pelayanan = await slugs("q=pelayanan", "id");
    expect(pelayanan[0]).toBe(await slugOf("mpp")());
    expect(pelayanan).toContain(await slugOf("asan")());
    expect(await slugs("q=permit")).toEqual([await slugOf("permits")()]);
    // Part of a hyphenated word finds it, as the phrase of its parts; excluded, it is left out.
    expect(await slugs("q=one-stop")).toEqual([await slugOf("permits")()]);
    expect(await slugs("q=one-stop+shop")).toEqual([await slugOf("permits")()]);
    expect(await slugs('q="online+one-stop"')).toEqual([await slugOf("permits")()]);
    const excluded = await slugs("q=services+-one-stop");
    expect(excluded).toContain(await slugOf("mpp")());
    expect(excluded).not.toContain(await slugOf("permits")());
    // The parts side by side, not anywhere: "one" and "service" are both in the permits' summary,
    // apart, so the words find nothing (and the search falls back to the cases' names).
    expect((await search("q=one-service")).mode).toBe("names");
  });

  it("finds Azerbaijani words as written, and marks them in an Azerbaijani reader's snippet", async () => {
    expect(await slugs("q=xidmətləri", "az")).toEqual([await slugOf("asan")()]);
    // The words are the same whoever asks: an English reader finds the case by them too.
    expect(await slugs("q=qurumun")).toEqual([await slugOf("asan")()]);
    const [asan] = (await search("q=xidmətləri", "az")).rows;
    expect(asan!.snippet.filter((f) => f.mark).map((f) => f.text)).toEqual(["xidmətləri"]);
    expect(asan!.snippet.map((f) => f.text).join("")).toContain("qurumun xidmətləri bir dam altında");
    // Its name in Azerbaijani is a name to match misspelt.
    const misspelt = await search("q=mərkəzlri", "az");
    expect(misspelt.mode).toBe("names");
    expect(misspelt.rows[0]?.slug).toBe(await slugOf("asan")());
  });

  it("finds a misspelt name by its trigrams when the words find nothing", async () => {
    const result = await search("q=xidmet");
    expect(result.mode).toBe("names");
    expect(result.rows[0]?.slug).toBe(await slugOf("asan")());
    expect((await search("q=mal+pelayanann")).rows[0]?.slug).toBe(await slugOf("mpp")());
    const nothing = await search("q=zzqqxx");
    expect(nothing).toMatchObject({ total: 0, rows: [], mode: "names" });
  });

  it("suggests, when nothing is found, the words the library holds that are closest to the unknown ones", async () => {
    const nothing = await search("q=malria+diagnosys");
    expect(nothing).toMatchObject({ total: 0, rows: [] });
    expect(nothing.suggestion).toBe("malaria diagnosis");
    // Known words stay as typed; a search that finds something suggests nothing.
    expect((await search("q=early+malria")).suggestion).toBe("early malaria");
    expect((await search("q=malaria")).suggestion).toBeNull();
    expect((await search("q=zzqqxx")).suggestion).toBeNull();
  });

  it("marks the found words in snippets, as text fragments", async () => {
    const [edat] = (await search("q=malaria")).rows;
    const marked = edat!.snippet.filter((f) => f.mark).map((f) => f.text.toLowerCase());
    expect(marked).toContain("malaria");
    // Words the summary holds give the summary, marked; words only in the body give its passage.
    expect(edat!.snippet.map((f) => f.text).join("")).toMatch(
      /^Early diagnosis and treatment of malaria, followed case by case\.?$/,
    );
    // Fragments are text the page escapes; ts_headline drops what its parser reads as tags.
    const [lost] = (await search("q=lost")).rows;
    const text = lost!.snippet.map((f) => f.text).join("");
    expect(text).toContain("clinics & villages");
    expect(text).not.toContain("<b>");
    expect(lost!.snippet.find((f) => f.mark)?.text).toBe("lost");
    expect(text).toContain("Early diagnosis");
    const [id] = (await search("q=malaria", "id")).rows;
    expect(id!.snippet.map((f) => f.text).join("")).toContain("Diagnosis dini");
  });

  it("filters, and counts each filter's values with the other filters applied", async () => {
    const all = await search("");
    expect(all.total).toBe(4);
    expect(all.sector).toEqual(
      expect.arrayContaining([
        { value: "public_service_delivery", count: 2 },
        { value: "health", count: 1 },
        { value: "business_licensing", count: 1 },
      ]),
    );
    const sector = await search("sector=public_service_delivery");
    expect(sector.total).toBe(2);
    expect(sector.rows).toHaveLength(2);
    // The sector facet itself still counts every sector; the others count within the sector.
    expect(sector.sector).toContainEqual({ value: "health", count: 1 });
    expect(sector.country.map((c) => [c.value, c.count]).sort()).toEqual([
      ["AZ", 1],
      ["ID", 1],
    ]);
    expect(sector.country.find((c) => c.value === "AZ")?.label).toEqual({ en: "Azerbaijan", id: "Azerbaijan" });
    expect(sector.sdg).toEqual([
      { value: "9", count: 1 },
      { value: "16", count: 2 },
    ]);
    expect(sector.award).toEqual([{ value: "unpsa", count: 1 }]);
    expect((await search("sdg=16&country=ID")).rows.map((r) => r.caseId)).toEqual([ids.mpp]);
    expect((await search("award=unpsa")).rows.map((r) => r.caseId)).toEqual([ids.asan]);
    const stopped = await search("state=stopped");
    expect(stopped.rows.map((r) => r.caseId)).toEqual([ids.edat]);
    expect(stopped.state.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: "running", count: 3 },
      { value: "stopped", count: 1 },
    ]);
    // Running in 2010: started by then and not stopped before.
    expect((await search("year=2010")).rows.map((r) => r.caseId)).toEqual([ids.edat]);
    expect((await search("year=2018&sort=title")).rows.map((r) => r.caseId)).toEqual([
      ids.asan,
      ids.edat,
      ids.permits,
      ids.mpp,
    ]);
    // A search with a filter counts within the search.
    const asanHealth = await search("q=asan&sector=health");
    expect(asanHealth.total).toBe(0);
    expect(asanHealth.mode).toBe("words");
    expect(asanHealth.sector).toContainEqual({ value: "public_service_delivery", count: 2 });
  });

  it("keeps the unsearched counts under the data version, and counts afresh after a publication", async () => {
    const version = await dataVersion(db);
    const before = await searchLibrary(db, query("sector=education"), { lang: "en", version });
    expect(before.total).toBe(0);
    const kept = await searchLibrary(db, query("sector=education"), { lang: "en", version });
    expect(kept.sector).toEqual(before.sector);
    const school = await makePublishedCase(db, { title: { en: "School enrolment online" }, sector: "education" });
    const after = await searchLibrary(db, query("sector=education"), { lang: "en", version: await dataVersion(db) });
    expect(after.total).toBe(1);
    expect(after.rows.map((r) => r.caseId)).toEqual([school.id]);
    await archiveCase(db, testActor, school.id, school.version);
  });

  it("pages", async () => {
    const first = await searchLibrary(db, query("sort=title"), { lang: "en", pageSize: 3 });
    const second = await searchLibrary(db, query("sort=title&page=2"), { lang: "en", pageSize: 3 });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(4);
  });

  it("answers hostile searches without an error", async () => {
    for (const q of [
      "'",
      '"',
      "!",
      "&|!():*<->",
      "a & | b",
      '"unclosed',
      "-",
      "or",
      "\\",
      "%",
      "_",
      ")(",
      "xidmat:*",
      "'; drop table cases; --",
      "x".repeat(5000),
      "ש漢字🙂 ünïcödé",
      "the and of",
    ]) {
      const result = await searchLibrary(db, parseLibraryQuery(new URLSearchParams({ q })), { lang: "en" });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    const [{ n } = { n: 0 }] = await db.select({ n: t.cases.id }).from(t.cases).limit(1);
    expect(n).toBeGreaterThan(0);
  });

  it("takes its suggestions from what is published: a case's words come with it and go with it", async () => {
    const barns = await makePublishedCase(db, {
      title: { en: "Village cooperatives" },
      summary: { en: "Farmers keep their harvest in shared barns." },
    });
    expect((await search("q=harvst")).suggestion).toBe("harvest");
    await archiveCase(db, testActor, barns.id, barns.version);
    expect((await search("q=harvst")).suggestion).toBeNull();
  });
});
