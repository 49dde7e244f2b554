import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { ConflictError, RecordError } from "../../app/models/errors.server";
import { loadVisit } from "../../app/models/visit-queries.server";
import { updateVisit } from "../../app/models/visit-writes.server";
import { visitAsFields } from "../../app/models/visit.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import { makeVisit, testActor } from "../support/model-factories";

describe.each(drivers)("visits on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  const auditRows = (type: string, id: number) =>
    test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, type), eq(t.auditLog.entityId, String(id))));

  it("creates the activity of type visit and its visit in one transaction, with audit rows", async () => {
    const { activity, visit } = await makeVisit(test.db, { objectives: { en: "See ASAN Xidmat" } });
    expect(activity.type).toBe("visit");
    expect(visit).toMatchObject({ direction: "incoming", timeZone: "Asia/Baku", stage: "planning", version: 1 });
    const loaded = await loadVisit(test.db, activity.id);
    expect(loaded?.activity.title).toEqual(activity.title);
    expect(loaded?.visit.objectives).toEqual({ en: "See ASAN Xidmat" });
    expect(await auditRows("activity", activity.id)).toHaveLength(1);
    expect(await auditRows("visit", activity.id)).toHaveLength(1);
    expect(await loadVisit(test.db, -1)).toBeNull();
  });

  it("refuses an unknown time zone and saves nothing", async () => {
    const before = await test.db.select({ id: t.activities.id }).from(t.activities);
    await expect(makeVisit(test.db, { timeZone: "Mars/Olympus" })).rejects.toBeInstanceOf(RecordError);
    expect(await test.db.select({ id: t.activities.id }).from(t.activities)).toHaveLength(before.length);
  });

  it("updates a visit's fields, version-checked, and refuses a stale save", async () => {
    const { activity, visit } = await makeVisit(test.db);
    const fields = {
      ...visitAsFields(visit),
      cities: ["Baku", "Ganja"],
      timeZone: "asia/baku",
      stage: "confirmed" as const,
    };
    const saved = await updateVisit(test.db, testActor, activity.id, 1, fields);
    expect(saved).toMatchObject({ cities: ["Baku", "Ganja"], timeZone: "Asia/Baku", stage: "confirmed", version: 2 });
    const stale = updateVisit(test.db, testActor, activity.id, 1, { ...fields, cities: ["Sumqayit"] });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await loadVisit(test.db, activity.id))?.visit.cities).toEqual(["Baku", "Ganja"]);
    expect(await auditRows("visit", activity.id)).toHaveLength(2);
  });

  it("refuses 'done' until the report is written", async () => {
    const { activity, visit } = await makeVisit(test.db);
    const done = updateVisit(test.db, testActor, activity.id, 1, { ...visitAsFields(visit), stage: "done" });
    await expect(done).rejects.toMatchObject({ errors: { stage: { key: "visits.doneNeedsReport" } } });
    expect((await loadVisit(test.db, activity.id))?.visit.stage).toBe("planning");
  });
});
