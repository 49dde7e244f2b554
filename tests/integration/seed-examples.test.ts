import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { dashboardClock } from "../../app/models/dashboard-clock.server";
import { activitiesPerQuarter, upcomingActivities } from "../../app/models/dashboard-activities.server";
import { planProgress } from "../../app/models/dashboard-plans.server";
import { followUpSummary } from "../../app/models/dashboard-follow-ups.server";
import { examplesDatedKey, refreshExamples, removeExamples, utcToday } from "../../app/seed/examples.server";
import { addDays } from "../../app/lib/calendar-days";
import { seedContent } from "../../app/seed/seed-content.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

// Assessments cannot be dated in the future: the scenario is dated from a past day, then re-dated to today.
const earlier = addDays(utcToday(), -200);
const later = utcToday();

const exampleTables = [t.activities, t.agreements, t.commitments, t.commitmentAssessments, t.people, t.followUps];

describe.each(drivers)("the demo's example scenario on %s", (driver) => {
  let test: TestDatabase;
  const examples = async () =>
    Promise.all(
      exampleTables.map(async (table) =>
        Number((await test.db.select({ n: count() }).from(table).where(eq(table.example, true)))[0]!.n),
      ),
    );
  const dated = async () =>
    (await test.db.select().from(t.appSettings).where(eq(t.appSettings.key, examplesDatedKey)))[0]?.value;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("is not loaded without --demo", async () => {
    await seedContent(test.db, { demo: false });
    expect(await examples()).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await dated()).toBeUndefined();
  });

  it("is loaded with --demo, and the dashboard shows a plan in force, upcoming activities and a quarterly chart", async () => {
    const today = earlier;
    await seedContent(test.db, { demo: true, today });
    const [activities, agreements, commitments, assessments, people, followUps] = await examples();
    expect(activities).toBeGreaterThanOrEqual(10);
    expect(agreements).toBe(1);
    expect(commitments).toBe(8);
    expect(assessments).toBeGreaterThanOrEqual(5);
    expect(people).toBe(3);
    expect(followUps).toBe(3);
    expect(await dated()).toBe(today);

    const clock = dashboardClock(new Date(`${today}T03:00:00Z`), "Asia/Jakarta");
    const plans = await planProgress(test.db, clock);
    expect(plans.some((p) => p.title.en.startsWith("Example:") && p.completed > 0 && p.total > p.completed)).toBe(true);
    expect((await upcomingActivities(test.db, clock)).total).toBeGreaterThan(0);
    const quarters = await activitiesPerQuarter(test.db, clock);
    expect(quarters.slice(-4).every((q) => q.total > 0)).toBe(true);
    expect((await followUpSummary(test.db, clock)).overdueCount).toBeGreaterThan(0);

    // Under the partnership's agreement still in force, written by the seed with its audit rows.
    const [plan] = await test.db.select().from(t.agreements).where(eq(t.agreements.example, true));
    expect(plan!.parentId).not.toBeNull();
    const audits = await test.db
      .select({ n: count() })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "agreement"), eq(t.auditLog.entityId, String(plan!.id))));
    expect(Number(audits[0]!.n)).toBeGreaterThan(0);

    // A second run on the same day changes nothing.
    const again = await seedContent(test.db, { demo: true, today });
    expect(again.created).toBe(0);
  });

  it("is moved in place when it has grown old, what staff changed kept, and left as it is when it has not", async () => {
    expect(await refreshExamples(test.db, addDays(earlier, 2))).toBeNull();
    const [planBefore] = await test.db.select().from(t.agreements).where(eq(t.agreements.example, true));
    const [session] = await test.db
      .select()
      .from(t.activities)
      .where(eq(t.activities.example, true))
      .orderBy(t.activities.id)
      .limit(1);
    const [item] = await test.db.select().from(t.itineraryItems).orderBy(t.itineraryItems.id).limit(1);
    const [member] = await test.db
      .select()
      .from(t.visitMembers)
      .where(eq(t.visitMembers.visitId, item!.visitId))
      .orderBy(t.visitMembers.id)
      .limit(1);
    const [visit] = await test.db.select().from(t.visits).where(eq(t.visits.activityId, item!.visitId));
    // Staff rename one example and remove another: both stay as they left them.
    await test.db
      .update(t.activities)
      .set({ title: { en: "Renamed by staff" } })
      .where(eq(t.activities.id, session!.id));
    const [gone] = await test.db
      .delete(t.followUps)
      .where(eq(t.followUps.example, true))
      .returning({ id: t.followUps.id });

    const done = await refreshExamples(test.db, later);
    expect(done?.moved).toBeGreaterThan(20);
    expect(done?.created).toBe(0);
    expect(await dated()).toBe(later);
    const [plan] = await test.db.select().from(t.agreements).where(eq(t.agreements.example, true));
    expect(plan!.id).toBe(planBefore!.id);
    expect(plan!.inForceFrom).toBe(addDays(planBefore!.inForceFrom!, 200));
    expect(plan!.version).toBe(planBefore!.version + 1);
    const [renamed] = await test.db.select().from(t.activities).where(eq(t.activities.id, session!.id));
    expect(renamed!.title).toEqual({ en: "Renamed by staff" });
    expect(renamed!.startsAt.getTime() - session!.startsAt.getTime()).toBe(200 * 86_400_000);
    const [movedItem] = await test.db.select().from(t.itineraryItems).where(eq(t.itineraryItems.id, item!.id));
    expect(movedItem!.startsAt.getTime() - item!.startsAt.getTime()).toBe(200 * 86_400_000);
    const [movedMember] = await test.db.select().from(t.visitMembers).where(eq(t.visitMembers.id, member!.id));
    expect(movedMember!.arrivalAt!.getTime() - member!.arrivalAt!.getTime()).toBe(200 * 86_400_000);
    const [bumped] = await test.db.select().from(t.visits).where(eq(t.visits.activityId, item!.visitId));
    expect([bumped!.itineraryVersion, bumped!.delegationVersion]).toEqual([
      visit!.itineraryVersion + 1,
      visit!.delegationVersion + 1,
    ]);
    expect(await test.db.select().from(t.followUps).where(eq(t.followUps.id, gone!.id))).toEqual([]);
    // Every moved record has its audit row.
    const moves = await test.db
      .select({ n: count() })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "update"), sql`${t.auditLog.actorLabel} = 'seed'`));
    expect(Number(moves[0]!.n)).toBeGreaterThanOrEqual(done!.moved);
    expect(plan!.inForceFrom! < later && later < plan!.inForceUntil!).toBe(true);
    const clock = dashboardClock(new Date(`${later}T03:00:00Z`), "Asia/Baku");
    expect((await upcomingActivities(test.db, clock)).total).toBeGreaterThan(0);
    expect((await examples())[1]).toBe(1);
  });

  it("is removed by --remove-examples, children and all, its audit rows kept, and the demo does not bring it back", async () => {
    const planId = (await test.db.select().from(t.agreements).where(eq(t.agreements.example, true)))[0]!.id;
    const removed = await removeExamples(test.db);
    expect(removed).toBeGreaterThan(20);
    expect(await examples()).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await dated()).toBeUndefined();
    const orphans = await test.db
      .select({ n: count() })
      .from(t.commitments)
      .where(eq(t.commitments.agreementId, planId));
    expect(Number(orphans[0]!.n)).toBe(0);
    const deletes = await test.db
      .select({ n: count() })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "delete"), sql`${t.auditLog.actorLabel} = 'seed'`));
    expect(Number(deletes[0]!.n)).toBeGreaterThan(20);
    expect(await refreshExamples(test.db, addDays(later, 30))).toBeNull();
    expect(await examples()).toEqual([0, 0, 0, 0, 0, 0]);
    // Content/'s own records are all still there.
    const sourced = await test.db.select({ n: count() }).from(t.activities);
    expect(Number(sourced[0]!.n)).toBeGreaterThan(0);
  });
});
