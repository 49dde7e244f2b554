import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { auditPosition, recordAudit } from "../../app/models/audit.server";
import { findCachedPage, storeCachedPage } from "../../app/models/page-cache.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("the page cache on %s", (driver) => {
  let test: TestDatabase;
  let userId: number;
  const page = {
    status: 200,
    headers: [["content-type", "text/html"]] as [string, string][],
    nonce: "n0nce",
    body: "<p>a page</p>",
  };
  const change = () =>
    test.db.transaction((tx) =>
      recordAudit(tx, { actor: { label: "system" }, action: "test", entityType: "activity", entityId: 0 }),
    );
  const store = async (key: string, position?: Awaited<ReturnType<typeof auditPosition>>) =>
    storeCachedPage(test.db, {
      key,
      userId,
      position: position ?? (await auditPosition(test.db)),
      maxAgeMs: 60_000,
      ...page,
    });
  const stored = async () => Number((await test.db.select({ n: count() }).from(t.pageCache))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    userId = (
      await createUser(
        test.db,
        { label: "cli" },
        { email: "reader@example.org", name: "Reader", role: "viewer", password: "a long enough password" },
      )
    ).id;
  });
  afterAll(() => test.close());

  it("misses until a page is stored, then gives it back as of the same audit position", async () => {
    await change();
    const miss = await findCachedPage(test.db, "a");
    expect(miss.page).toBeNull();
    expect(miss.position.auditId).toBeGreaterThan(0);
    await store("a", miss.position);
    expect(await findCachedPage(test.db, "a")).toEqual({ page, position: miss.position });
    expect((await findCachedPage(test.db, "b")).page).toBeNull();
  });

  it("retires every page when anything changes", async () => {
    const before = await findCachedPage(test.db, "a");
    expect(before.page).not.toBeNull();
    await change();
    const after = await findCachedPage(test.db, "a");
    expect(after.page).toBeNull();
    expect(after.position.auditId).toBeGreaterThan(before.position.auditId);
  });

  it("does not keep a page rendered while a change was made", async () => {
    const { position } = await findCachedPage(test.db, "c");
    await change(); // …while the page renders
    await store("c", position);
    expect((await findCachedPage(test.db, "c")).page).toBeNull();
  });

  it("notices a change that commits after a later one", async () => {
    await change();
    await change();
    await store("d");
    expect((await findCachedPage(test.db, "d")).page).toEqual(page);
    // Ids are taken when rows are written: an earlier id can still appear below the newest one.
    const { auditId } = await auditPosition(test.db);
    await test.db.delete(t.auditLog).where(eq(t.auditLog.id, auditId - 1));
    await store("d");
    await test.db
      .insert(t.auditLog)
      .values({ id: auditId - 1, actorLabel: "system", action: "test", entityType: "activity", entityId: "0" });
    expect((await findCachedPage(test.db, "d")).page).toBeNull();
  });

  it("lets pages expire, and clears out pages that can no longer be served", async () => {
    await store("e");
    await test.db
      .update(t.pageCache)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(t.pageCache.key, "e"));
    expect((await findCachedPage(test.db, "e")).page).toBeNull();
    await store("f");
    await change();
    await store("g");
    expect((await test.db.select({ key: t.pageCache.key }).from(t.pageCache)).map((r) => r.key)).toEqual(["g"]);
  });

  it("keeps a user's newest twenty pages", async () => {
    for (let i = 0; i < 25; i++) {
      await store(`page-${i}`);
      await new Promise((r) => setTimeout(r, 2)); // distinct times, so "newest" is clear
    }
    expect(await stored()).toBe(20);
    expect((await findCachedPage(test.db, "page-24")).page).toEqual(page);
    expect((await findCachedPage(test.db, "page-0")).page).toBeNull();
  });
});
