import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { translatorFor } from "../../app/i18n/i18n.server";
import { activitiesCsv, activitiesIcs } from "../../app/lib/activity-export.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { parseActivityQuery } from "../../app/models/activity-query.server";
import { eachActivityBatch, searchActivities } from "../../app/models/activity-search.server";
import { calendarToken, findUserByCalendarToken, resetCalendarKey } from "../../app/models/user-calendar.server";
import { createUser, updateUser } from "../../app/models/user.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const query = (search: string) => parseActivityQuery(new URLSearchParams(search));
const options = { lang: "en" as const, timeZone: "Asia/Jakarta" };

describe("the activities query in the URL", () => {
  it("reads filters, sort and page, and ignores what it cannot read", () => {
    expect(
      query("type=visit&type=bogus&status=completed&sort=title&dir=asc&page=3&agreement=x&from=2023-13-45"),
    ).toMatchObject({
      type: ["visit"],
      status: ["completed"],
      sort: "title",
      dir: "asc",
      page: 3,
      agreement: undefined,
      from: undefined,
    });
    expect(query("")).toMatchObject({ sort: "startsAt", dir: "desc", page: 1, type: [] });
    expect(query("type=visit&type=visit&status=planned&status=planned")).toMatchObject({
      type: ["visit"],
      status: ["planned"],
    });
  });
});

describe.each(drivers)("searching activities on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    // content/ alone: the demo's dated example scenario would change the counts (seed-examples.test.ts).
    await seedContent(test.db, { demo: true, examples: false });
  });
  afterAll(() => test.close());

  const titles = async (search: string) =>
    (await searchActivities(test.db, query(search), options)).rows.map((r) => r.title);

  it("lists the newest first by default, with the total", async () => {
    const { rows, total } = await searchActivities(test.db, query(""), options);
    expect(total).toBe(rows.length);
    const starts = rows.map((r) => r.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it("filters by type: visits include the 2023 Baku visit, not the 2016 Busan meeting", async () => {
    const visits = await titles("type=visit");
    expect(visits.some((title) => /Baku/.test(title) && !/Prime Minister/.test(title))).toBe(true);
    expect(visits.some((title) => /Busan/.test(title))).toBe(false);
    expect((await titles("type=meeting")).some((title) => /Busan/.test(title))).toBe(true);
  });

  it("filters by commitment, agreement, country, dates and words", async () => {
    const [oneStop] = await test.db
      .select()
      .from(t.commitments)
      .where(eq(t.commitments.slug, "mou-2017-one-stop-shop-concept"));
    expect((await titles(`commitment=${oneStop!.id}`)).join(" ")).toMatch(/Baku/);
    expect(await titles("country=KR")).toHaveLength(1);
    const in2024 = await searchActivities(test.db, query("from=2024-01-01&to=2024-12-31"), options);
    expect(in2024.rows.length).toBeGreaterThan(0);
    expect(in2024.rows.every((r) => r.startsAt.getUTCFullYear() === 2024)).toBe(true);
    expect((await titles("q=busa")).join(" ")).toMatch(/Busan/);
    expect(await titles("q=nothing-like-this")).toEqual([]);
  });

  it("ignores a date bound outside 1900–2100 instead of failing in the database", async () => {
    const all = (await searchActivities(test.db, query(""), options)).total;
    for (const bounds of ["to=9999-12-31", "from=0000-01-01", "from=0000-01-01&to=9999-12-31", "to=+010000-01-01"]) {
      const parsed = query(bounds);
      expect(parsed.from, bounds).toBeUndefined();
      expect(parsed.to, bounds).toBeUndefined();
      expect((await searchActivities(test.db, parsed, options)).total, bounds).toBe(all);
      let exported = 0;
      for await (const batch of eachActivityBatch(test.db, parsed, options)) exported += batch.length;
      expect(exported, bounds).toBeGreaterThan(0);
    }
    // The edges of the range are bounds like any other.
    expect((await searchActivities(test.db, query("from=1900-01-01&to=2100-12-31"), options)).total).toBe(all);
  });

  it("gives each row's texts in the reader's language, English where a text has no translation", async () => {
    const inIndonesian = await searchActivities(test.db, query(""), { ...options, lang: "id", pageSize: 500 });
    const stored = await test.db.select({ id: t.activities.id, title: t.activities.title }).from(t.activities);
    const byId = new Map(stored.map((a) => [a.id, a.title]));
    for (const row of inIndonesian.rows) expect(row.title).toBe(byId.get(row.id)!.id ?? byId.get(row.id)!.en);
    expect(inIndonesian.rows.some((r) => byId.get(r.id)!.id && r.title !== byId.get(r.id)!.en)).toBe(true);
  });

  it("sorts by title in the reader's language and pages with a stable order", async () => {
    const all = await titles("sort=title&dir=asc");
    expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")));
    const first = await searchActivities(test.db, query("sort=title&dir=asc"), { ...options, pageSize: 3 });
    const second = await searchActivities(test.db, query("sort=title&dir=asc&page=2"), { ...options, pageSize: 3 });
    expect(first.rows.map((r) => r.title)).toEqual(all.slice(0, 3));
    expect(second.rows.map((r) => r.title)).toEqual(all.slice(3, 6));
  });

  it("sorts by place as it reads, by city", async () => {
    const cities = (await searchActivities(test.db, query("sort=place&dir=asc"), options)).rows.map((r) => r.city);
    const named = cities.filter((c): c is string => !!c);
    expect(named.length).toBeGreaterThan(1);
    expect(named).toEqual([...named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(cities.slice(named.length).every((c) => !c)).toBe(true);
  });

  it("finds the same page whether the filter matches few rows or more than it counts", async () => {
    for (const search of ["", "type=visit", "q=baku", "sort=title&dir=asc&page=2", "country=AZ&sort=place"]) {
      const few = await searchActivities(test.db, query(search), { ...options, pageSize: 4 });
      const many = await searchActivities(test.db, query(search), { ...options, pageSize: 4, countCap: 1 });
      expect(few.capped, search).toBe(false);
      expect(
        many.rows.map((r) => r.id),
        search,
      ).toEqual(few.rows.map((r) => r.id));
      // Both plans were taken: more than one match is past a cap of one. Where counting was
      // skipped (a word the statistics call common), a short first page still gives the total.
      expect(few.total, search).toBeGreaterThan(1);
      // Capped only when there really are more matches than the cap; else the exact total.
      expect(many.capped ? few.total > 1 : many.total === few.total, search).toBe(true);
    }
    expect(await searchActivities(test.db, query("q=nothing-like-this"), { ...options, countCap: 0 })).toMatchObject({
      rows: [],
      total: 0,
      capped: false,
    });
  });

  it("exports the filtered rows as CSV with a byte-order mark, and as iCalendar", async () => {
    const ctx = {
      t: translatorFor("id").t,
      lang: "id" as const,
      timeZone: "Asia/Jakarta",
      origin: "https://jembatan.test",
    };
    const bytes = new Uint8Array(
      await new Response(activitiesCsv(eachActivityBatch(test.db, query("type=visit"), options), ctx)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const visits = (await searchActivities(test.db, query("type=visit"), options)).total;
    expect(csv.startsWith("ID,Tanggal (sesuai sumber),Mulai (Asia/Jakarta),Selesai (Asia/Jakarta)")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(visits + 1);
    expect(csv).toContain("Kunjungan");

    const ics = await new Response(
      activitiesIcs(eachActivityBatch(test.db, query("type=visit"), options), { ...ctx, now: new Date() }),
    ).text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.trim().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(visits);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20231010/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("accepts a calendar token until the user replaces it or is disabled", async () => {
    const secret = "s".repeat(40);
    const user = await createUser(
      test.db,
      { label: "cli" },
      {
        email: "calendar@example.org",
        name: "Cal",
        role: "viewer",
        password: "a long enough password",
      },
    );
    const token = calendarToken(secret, user);
    expect(await findUserByCalendarToken(test.db, secret, token)).toMatchObject({ id: user.id });
    expect(await findUserByCalendarToken(test.db, "x".repeat(40), token)).toBeNull();
    expect(
      await findUserByCalendarToken(test.db, secret, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")),
    ).toBeNull();
    const renewed = await resetCalendarKey(test.db, { userId: user.id }, user.id);
    expect(await findUserByCalendarToken(test.db, secret, token)).toBeNull();
    const fresh = calendarToken(secret, renewed!);
    expect(await findUserByCalendarToken(test.db, secret, fresh)).not.toBeNull();
    await updateUser(test.db, { label: "cli" }, { id: user.id, version: renewed!.version, disabled: true });
    expect(await findUserByCalendarToken(test.db, secret, fresh)).toBeNull();
  });
});
