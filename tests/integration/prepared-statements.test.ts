// What PostgreSQL keeps of the app's statements: the activity list's are planned once per
// connection, not at every view (db/client.ts, activity-filter.server.ts).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseActivityQuery } from "../../app/models/activity-query.server";
import { searchActivities } from "../../app/models/activity-search.server";
import { maxPreparedTexts } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { parseLibraryQuery } from "../../app/models/library-search-query.server";
import { searchLibrary } from "../../app/models/library-search.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { rowsOf } from "../../app/models/library-search-filter.server";

type Kept = { statement: string; parameter_types: string; generic_plans: number; custom_plans: number };

describe.runIf(process.env.DATABASE_URL)("prepared statements on postgres", () => {
  let test: TestDatabase;
  // One connection, so every statement below runs where pg_prepared_statements can see it.
  beforeAll(async () => {
    test = await createTestDatabase("postgres", { maxConnections: 1 });
    await seedContent(test.db, { demo: true, examples: false });
  });
  afterAll(() => test.close());

  const kept = async (like: string) =>
    rowsOf<Kept>(
      await test.db.execute(
        sql`select statement, parameter_types::text, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like ${like}`,
      ),
    );

  it("keeps one plan for a filtered list page, its types, statuses and page size written in", async () => {
    const query = parseActivityQuery(new URLSearchParams("type=meeting&status=completed&sort=title&dir=asc"));
    for (let i = 0; i < 3; i++) await searchActivities(test.db, query, { lang: "en", timeZone: "Asia/Baku" });
    const [rows] = await kept(`%from "activities"%'meeting'%order by%`);
    expect(rows).toMatchObject({ parameter_types: "{}", custom_plans: 0 });
    expect(Number(rows?.generic_plans)).toBeGreaterThanOrEqual(3);
  });

  it("sends the values a plan depends on as parameters", async () => {
    const query = parseActivityQuery(new URLSearchParams("type=visit&from=2016-01-01&to=2024-12-31"));
    await searchActivities(test.db, query, { lang: "en", timeZone: "Asia/Baku" });
    const [rows] = await kept(`%from "activities"%'visit'%order by%`);
    expect(rows?.parameter_types).toBe('{"timestamp with time zone","timestamp with time zone"}');
  });

  it("sends the library's search words as its statements' only parameters, the filters written in", async () => {
    const query = parseLibraryQuery(new URLSearchParams("q=asan&sector=public_service_delivery&sdg=16"));
    await searchLibrary(test.db, query, { lang: "en" });
    const statements = await kept(`%'public_service_delivery'%`);
    expect(statements.length).toBe(2); // the page's rows and the filters' counts
    for (const s of statements) expect(s.parameter_types).toMatch(/^\{text(,text)*\}$/);
  });

  it("still sends an unnamed statement without parameters as plain text, which may hold several", async () => {
    const result = await test.db.execute(sql.raw("select 1 as one; select 2 as two"));
    expect(result).toBeDefined();
  });
});

describe.runIf(process.env.DATABASE_URL)("a process's prepared statements on postgres", () => {
  let test: TestDatabase;
  beforeAll(async () => (test = await createTestDatabase("postgres", { maxConnections: 1 })));
  afterAll(() => test.close());

  it(`prepares at most ${maxPreparedTexts} texts, and runs the ones after unprepared`, async () => {
    for (let i = 0; i < maxPreparedTexts + 20; i++) {
      const [row] = rowsOf<{ n: number }>(await test.db.execute(sql`select ${i}::int + ${sql.raw(String(i))} as n`));
      expect(row?.n).toBe(2 * i);
    }
    const [kept] = rowsOf<{ n: number }>(
      await test.db.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like 'select $1::int + %'`,
      ),
    );
    expect(kept?.n).toBe(maxPreparedTexts);
    // In a transaction too: a named query past the cap runs unprepared.
    await test.db.transaction(async (tx) => {
      await tx
        .select({ n: sql`${sql.raw("4242")}::int` })
        .from(sql`(select 1) as one`)
        .prepare("past_the_cap")
        .execute();
    });
    const [inTransaction] = rowsOf<{ n: number }>(
      await test.db.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%4242::int%'`,
      ),
    );
    expect(inTransaction?.n).toBe(0);
  });
});
