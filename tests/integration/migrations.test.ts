import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("the migrated schema on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("keeps no rendered pages: the page cache's table is gone (issue 9, decision 10)", async () => {
    // postgres.js answers with the rows, PGlite with an object holding them.
    const probe = async (name: string) => {
      const result = (await test.db.execute(sql`select to_regclass(${name})::text as found`)) as unknown as
        { rows: { found: string | null }[] } | { found: string | null }[];
      const rows = Array.isArray(result) ? result : result.rows;
      return rows[0]?.found ?? null;
    };
    expect(await probe("public.audit_log")).toBe("audit_log");
    expect(await probe("public.page_cache")).toBeNull();
  });
});
