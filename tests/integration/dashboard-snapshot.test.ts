import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { recordAudit } from "../../app/models/audit.server";
import { getDashboard } from "../../app/models/dashboard.server";
import { getDashboardSnapshot } from "../../app/models/dashboard-snapshot.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("dashboard snapshots on %s", (driver) => {
  let test: TestDatabase;
  const now = new Date("2024-06-20T03:00:00Z");
  const zone = "Asia/Jakarta";
  const snapshots = async () => Number((await test.db.select({ n: count() }).from(t.dashboardSnapshots))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test.close());

  it("serves what a fresh computation gives, dates included", async () => {
    const fresh = await getDashboard(test.db, now, zone);
    const first = await getDashboardSnapshot(test.db, now, zone);
    const second = await getDashboardSnapshot(test.db, now, zone);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(second.upcoming.items[0]?.startsAt).toBeInstanceOf(Date);
    expect(await snapshots()).toBe(1);
  });

  it("is used while nothing changed, and recomputed after a change", async () => {
    // Tamper with the stored snapshot: if it is served, the tampering shows.
    await test.db.update(t.dashboardSnapshots).set({ value: { marker: true } as never });
    expect(await getDashboardSnapshot(test.db, now, zone)).toEqual({ marker: true });
    await test.db.transaction((tx) =>
      recordAudit(tx, { actor: { label: "system" }, action: "test", entityType: "activity", entityId: 0 }),
    );
    expect(await getDashboardSnapshot(test.db, now, zone)).toEqual(await getDashboard(test.db, now, zone));
  });

  it("expires after five minutes and keeps one snapshot per zone and day", async () => {
    await test.db.update(t.dashboardSnapshots).set({ value: { marker: true } as never });
    const later = new Date(now.getTime() + 6 * 60 * 1000);
    expect(await getDashboardSnapshot(test.db, later, zone)).not.toEqual({ marker: true });
    await getDashboardSnapshot(test.db, now, "Asia/Baku");
    const keys = (await test.db.select({ key: t.dashboardSnapshots.key }).from(t.dashboardSnapshots)).map((r) => r.key);
    expect(keys.sort()).toEqual(["Asia/Baku|2024-06-20", "Asia/Jakarta|2024-06-20"]);
    const [row] = await test.db
      .select()
      .from(t.dashboardSnapshots)
      .where(eq(t.dashboardSnapshots.key, "Asia/Baku|2024-06-20"));
    expect(row!.computedAt.getTime()).toBe(now.getTime());
  });
});
