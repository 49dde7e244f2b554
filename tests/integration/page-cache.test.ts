import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { recordAudit } from "../../app/models/audit.server";
import { findCachedPage, storeCachedPage } from "../../app/models/page-cache.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("the page cache on %s", (driver) => {
  let test: TestDatabase;
  const page = { status: 200, headers: [["content-type", "text/html"]] as [string, string][], nonce: "n0nce", body: "<p>a page</p>" };
  const change = () =>
    test.db.transaction((tx) =>
      recordAudit(tx, { actor: { label: "system" }, action: "test", entityType: "activity", entityId: 0 }),
    );
  const stored = async () => Number((await test.db.select({ n: count() }).from(t.pageCache))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("misses until a page is stored, then gives it back as of the same audit position", async () => {
    await change();
    const miss = await findCachedPage(test.db, "a");
    expect(miss.page).toBeNull();
    expect(miss.position).toBeGreaterThan(0);
    await storeCachedPage(test.db, { key: "a", position: miss.position, maxAgeMs: 60_000, ...page });
    expect(await findCachedPage(test.db, "a")).toEqual({ page, position: miss.position });
    expect((await findCachedPage(test.db, "b")).page).toBeNull();
  });

  it("retires every page when anything changes", async () => {
    const before = await findCachedPage(test.db, "a");
    expect(before.page).not.toBeNull();
    await change();
    const after = await findCachedPage(test.db, "a");
    expect(after.page).toBeNull();
    expect(after.position).toBeGreaterThan(before.position);
  });

  it("does not keep a page rendered while a change was made", async () => {
    const { position } = await findCachedPage(test.db, "c");
    await change(); // …while the page renders
    await storeCachedPage(test.db, { key: "c", position, maxAgeMs: 60_000, ...page });
    expect((await findCachedPage(test.db, "c")).page).toBeNull();
  });

  it("lets pages expire, and clears expired ones out when storing", async () => {
    const { position } = await findCachedPage(test.db, "d");
    await storeCachedPage(test.db, { key: "d", position, maxAgeMs: 60_000, ...page });
    await test.db.update(t.pageCache).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await findCachedPage(test.db, "d")).page).toBeNull();
    await storeCachedPage(test.db, { key: "e", position, maxAgeMs: 60_000, ...page });
    expect(await stored()).toBe(1);
    expect((await findCachedPage(test.db, "e")).page).toEqual(page);
  });
});
