import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loadContent } from "../../app/lib/content.server";
import { seedContent, seedIfEmpty } from "../../app/lib/seed.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("seeding content/ on %s", (driver) => {
  let test: TestDatabase;
  const auditRows = async () => Number((await test.db.select({ n: count() }).from(t.auditLog))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("loads every record once, and a second run changes nothing", async () => {
    const content = loadContent();
    const first = await seedIfEmpty(test.db, { demo: true });
    expect(first?.created).toBeGreaterThan(50);
    const activities = await test.db.select({ slug: t.activities.slug }).from(t.activities);
    expect(activities).toHaveLength(content.activities.length);
    const audits = await auditRows();
    expect(audits).toBeGreaterThanOrEqual(first!.created);

    const second = await seedContent(test.db, { demo: true });
    expect(second).toMatchObject({ created: 0, updated: 0 });
    expect(await auditRows()).toBe(audits);
  });

  it("creates the demo accounts with roles", async () => {
    const users = await test.db.select({ email: t.users.email, role: t.users.role }).from(t.users);
    expect(users).toEqual(
      expect.arrayContaining([
        { email: "admin@example.org", role: "admin" },
        { email: "editor@example.org", role: "editor" },
        { email: "viewer@example.org", role: "viewer" },
      ]),
    );
  });

  it("cites at least one source for every activity, case, agreement and commitment", async () => {
    for (const [kind, table] of [
      ["activity", t.activities],
      ["case", t.cases],
      ["agreement", t.agreements],
      ["commitment", t.commitments],
    ] as const) {
      const uncited = await test.db
        .select({ id: table.id })
        .from(table)
        .where(
          sql`not exists (select 1 from ${t.citations} c where c.subject_kind = ${kind} and c.subject_id = ${table.id})`,
        );
      expect(uncited, `${kind} without a source`).toEqual([]);
    }
  });

  it("does not reseed on start-up once seeded, so people's edits survive a restart", async () => {
    const [busan] = await test.db
      .update(t.activities)
      .set({ city: "Busan (edited)" })
      .where(eq(t.activities.slug, "2016-11-10-busan-bilateral-meeting"))
      .returning();
    expect(busan).toBeDefined();
    expect(await seedIfEmpty(test.db, { demo: true })).toBeNull();
    const [after] = await test.db.select().from(t.activities).where(eq(t.activities.id, busan!.id));
    expect(after!.city).toBe("Busan (edited)");
  });

  it("brings a changed record in line with content/ and records before and after", async () => {
    const content = loadContent();
    const edited = structuredClone(content);
    const target = edited.cases.find((c) => c.status === "published")!;
    target.sector = "changed-sector";
    const stats = await seedContent(test.db, { demo: false, content: edited });
    expect(stats.created).toBe(0);
    // The Busan edit above is reverted too: an explicit seed makes the database match content/.
    expect(stats.updated).toBe(2);
    const [entry] = await test.db
      .select()
      .from(t.auditLog)
      .where(sql`${t.auditLog.entityType} = 'case' and ${t.auditLog.action} = 'update'`);
    expect(entry).toMatchObject({ actorLabel: "seed", actorId: null });
    expect(entry!.before).toMatchObject({ sector: expect.not.stringMatching("changed-sector") });
    expect(entry!.after).toMatchObject({ sector: "changed-sector" });
    const [row] = await test.db.select().from(t.cases).where(eq(t.cases.slug, target.slug));
    expect(row!.version).toBe(2);
  });
});
