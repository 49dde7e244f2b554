/**
 * A visit's follow-ups (issue 12, items 8 to 10): added and edited through the models with their
 * rules (an owner, the visit's agreement's commitments, the version), counted on the dashboard on
 * the viewer's calendar with the visits' preparation state, and reminded to their owners once.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { seedContent } from "../../app/seed/seed-content.server";
import { newFollowUpForm } from "../../app/forms/follow-up";
import { checkForm } from "../../app/forms/submission";
import { runSchedulerPass } from "../../app/mail/scheduler.server";
import { getDashboard } from "../../app/models/dashboard.server";
import { getDashboardSnapshot } from "../../app/models/dashboard-snapshot.server";
import { ConflictError, RuleError } from "../../app/models/errors.server";
import { myFollowUps } from "../../app/models/follow-up-owner.server";
import { visitFollowUps } from "../../app/models/follow-up-queries.server";
import { createFollowUp, updateFollowUp } from "../../app/models/follow-up-writes.server";
import type { FollowUpInput } from "../../app/models/follow-up.server";
import { updateNoticePreferences } from "../../app/models/notice-preferences.server";
import { updatePreferences } from "../../app/models/user-account.server";
import { makeAgreement, makeCommitment, makeUser, makeVisit, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

// Pinned: 09:00 on 10 March 2031 in Jakarta (02:00 UTC); nothing of the demo content is near.
const now = new Date("2031-03-10T02:00:00Z");
const zone = "Asia/Jakarta";

describe.each(drivers)("visit follow-ups on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let visitId: number;
  let commitmentIds: number[];
  let foreignCommitmentId: number;
  let owner: { id: number; version: number };
  let quiet: { id: number; version: number };

  const input = (overrides: Partial<FollowUpInput> = {}): FollowUpInput => ({
    title: { en: "Send the MPP manual to the host", id: "Kirim panduan MPP" },
    ownerId: owner.id,
    dueOn: "2031-03-20",
    status: "open",
    commitmentIds: [],
    ...overrides,
  });
  const add = (overrides: Partial<FollowUpInput> = {}, visit = visitId) =>
    createFollowUp(db, testActor, { ...input(overrides), visitId: visit });
  const auditCount = async () => (await db.select({ id: t.auditLog.id }).from(t.auditLog)).length;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
    const [partnership] = await db.select({ id: t.partnerships.id }).from(t.partnerships).limit(1);
    const agreement = await makeAgreement(db, partnership!.id);
    const other = await makeAgreement(db, partnership!.id);
    commitmentIds = [(await makeCommitment(db, agreement.id)).id, (await makeCommitment(db, agreement.id)).id];
    foreignCommitmentId = (await makeCommitment(db, other.id)).id;
    const { visit } = await makeVisit(db, {
      title: { en: "Follow-up test visit to Baku" },
      agreementId: agreement.id,
      startsAt: new Date("2031-04-01T00:00:00Z"),
      endsAt: new Date("2031-04-02T23:59:59Z"),
    });
    visitId = visit.activityId;
    owner = await makeUser(db, { role: "editor", name: "Follow-up owner" });
    owner = (await updatePreferences(db, testActor, {
      id: owner.id,
      version: owner.version,
      timeZone: zone,
      locale: null,
    }))!;
    quiet = await makeUser(db, { role: "viewer", name: "Quiet owner" });
  });
  afterAll(() => test.close());

  it("adds a follow-up with its owner and commitments, audited", async () => {
    const before = await auditCount();
    const made = await add({ commitmentIds: [commitmentIds[1]!, commitmentIds[0]!] });
    expect(made).toMatchObject({ visitId, ownerId: owner.id, status: "open", version: 1 });
    expect(made!.commitmentIds).toEqual([...commitmentIds].sort((a, b) => a - b));
    expect(await auditCount()).toBe(before + 1);
    const [audit] = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "follow_up"), eq(t.auditLog.entityId, String(made!.id))));
    expect(audit).toMatchObject({ action: "create" });
    const listed = await visitFollowUps(db, visitId, "2031-03-10");
    expect(listed.find((f) => f.id === made!.id)).toMatchObject({
      ownerName: "Follow-up owner",
      overdue: false,
      commitments: [{ id: commitmentIds[0] }, { id: commitmentIds[1] }],
    });
  });

  it("refuses a follow-up without an owner in the form, and nothing is saved", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ titleEn: "No owner here", ownerId: "", dueOn: "2031-03-20", status: "open" }))
      form.append(k, v);
    const checked = checkForm(newFollowUpForm, form);
    expect(checked.success).toBe(false);
    if (!checked.success) {
      expect(checked.errors.ownerId).toEqual({ key: "followUps.ownerRequired" });
      expect(checked.values.titleEn).toBe("No owner here");
    }
    expect((await visitFollowUps(db, visitId, "2031-03-10")).some((f) => f.title.en === "No owner here")).toBe(false);
  });

  it("refuses an unknown or disabled owner and another agreement's commitments, writing nothing", async () => {
    const before = await auditCount();
    await expect(add({ ownerId: 2_000_000 })).rejects.toMatchObject({
      field: "ownerId",
      key: "followUps.unknownOwner",
    });
    await expect(add({ commitmentIds: [foreignCommitmentId] })).rejects.toBeInstanceOf(RuleError);
    await expect(add({ commitmentIds: [foreignCommitmentId] })).rejects.toMatchObject({ field: "commitmentIds" });
    expect(await add({}, 2_000_000)).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("edits from the version loaded; a stale edit is a conflict carrying what is saved, and changes nothing", async () => {
    const made = (await add({ title: { en: "Draft the joint statement" } }))!;
    const saved = await updateFollowUp(db, testActor, {
      ...input({ title: { en: "Draft the joint statement" }, status: "done", commitmentIds: [commitmentIds[0]!] }),
      id: made.id,
      visitId,
      version: made.version,
    });
    expect(saved).toMatchObject({ status: "done", version: 2, commitmentIds: [commitmentIds[0]] });
    const [row] = await db.select().from(t.followUps).where(eq(t.followUps.id, made.id));
    expect(row!.doneAt).toBeInstanceOf(Date);

    const before = await auditCount();
    const stale = await updateFollowUp(db, testActor, {
      ...input({ title: { en: "Someone else's idea" } }),
      id: made.id,
      visitId,
      version: made.version,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toMatchObject({
      status: "done",
      version: 2,
      commitmentIds: [commitmentIds[0]],
    });
    expect(await auditCount()).toBe(before);
    // Another visit's address does not reach it.
    expect(
      await updateFollowUp(db, testActor, { ...input(), id: made.id, visitId: visitId + 100_000, version: 2 }),
    ).toBeNull();
  });

  it("counts open, due-in-14-days and overdue follow-ups on the viewer's calendar, each linking to its visit", async () => {
    await db.delete(t.followUps);
    await add({ title: { en: "Overdue five days" }, dueOn: "2031-03-05" });
    await add({ title: { en: "Due in ten days" }, dueOn: "2031-03-20" });
    await add({ title: { en: "Due today" }, dueOn: "2031-03-10" });
    await add({ title: { en: "Due in May" }, dueOn: "2031-05-01" });
    await add({ title: { en: "Done long ago" }, dueOn: "2031-01-01", status: "done" });
    const { followUps } = await getDashboard(db, now, zone);
    expect(followUps).toMatchObject({ open: 4, overdueCount: 1, dueSoonCount: 2, soonUntil: "2031-03-24" });
    expect(followUps.overdue).toEqual([
      expect.objectContaining({
        title: { en: "Overdue five days" },
        visitId,
        daysOverdue: 5,
        ownerName: "Follow-up owner",
      }),
    ]);
    expect(followUps.overdue[0]!.visitTitle).toEqual({ en: "Follow-up test visit to Baku" });
    expect(followUps.dueSoon.map((f) => f.title.en)).toEqual(["Due today", "Due in ten days"]);

    // 03:00 on the 10th in Jakarta is still the 9th in UTC: a follow-up due on the 9th is overdue
    // for the one and due today for the other.
    await add({ title: { en: "Due on the ninth" }, dueOn: "2031-03-09" });
    const evening = new Date("2031-03-09T20:00:00Z");
    expect((await getDashboard(db, evening, zone)).followUps.overdueCount).toBe(2);
    expect((await getDashboard(db, evening, "UTC")).followUps.overdueCount).toBe(1);
  });

  it("invalidates the dashboard's snapshot when a follow-up is added or changed", async () => {
    const first = await getDashboardSnapshot(db, now, zone);
    const made = (await add({ title: { en: "Added after the snapshot" }, dueOn: "2031-03-01" }))!;
    const second = await getDashboardSnapshot(db, now, zone);
    expect(second.followUps.open).toBe(first.followUps.open + 1);
    expect(second.followUps.overdueCount).toBe(first.followUps.overdueCount + 1);
    await updateFollowUp(db, testActor, {
      ...input({ status: "dropped", dueOn: "2031-03-01" }),
      id: made.id,
      visitId,
      version: 1,
    });
    expect((await getDashboardSnapshot(db, now, zone)).followUps.open).toBe(first.followUps.open);
  });

  it("lists the owner's open follow-ups for their account page, overdue ones marked", async () => {
    const mine = await myFollowUps(db, owner.id, "2031-03-10");
    expect(mine.every((f) => f.status === "open")).toBe(true);
    expect(mine.find((f) => f.title.en === "Overdue five days")).toMatchObject({ overdue: true, visitId });
    expect(mine.find((f) => f.title.en === "Due in May")).toMatchObject({ overdue: false });
    expect(mine.some((f) => f.title.en === "Done long ago")).toBe(false);
    expect(await myFollowUps(db, quiet.id, "2031-03-10")).toEqual([]);
  });

  it("shows each upcoming visit's preparation: delegation, itinerary, briefing", async () => {
    const state = async () => (await getDashboard(db, now, zone)).visits.items.find((v) => v.id === visitId)!;
    expect(await state()).toMatchObject({ delegationComplete: false, itineraryComplete: false, briefingReady: false });

    const [person1, person2] = await db
      .insert(t.people)
      .values([
        { slug: `fu-head-${driver}`, name: "Head of delegation" },
        { slug: `fu-member-${driver}`, name: "A member" },
      ])
      .returning();
    const arrival = { arrivalAt: new Date("2031-03-31T10:00:00Z"), departureAt: new Date("2031-04-03T10:00:00Z") };
    await db.insert(t.visitMembers).values({ visitId, personId: person1!.id, role: "head", ...arrival });
    await db
      .insert(t.visitMembers)
      .values({ visitId, personId: person2!.id, role: "member", arrivalAt: arrival.arrivalAt });
    expect((await state()).delegationComplete).toBe(false);
    await db.update(t.visitMembers).set(arrival).where(eq(t.visitMembers.personId, person2!.id));
    expect((await state()).delegationComplete).toBe(true);

    // 10:00 in Baku on the first day; the second day's item at 01:00 Baku is 21:00 UTC the day before.
    const item = (startsAt: string) => ({
      visitId,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
      timeZone: "Asia/Baku",
      title: { en: "Meeting" },
    });
    await db.insert(t.itineraryItems).values(item("2031-04-01T06:00:00Z"));
    expect((await state()).itineraryComplete).toBe(false);
    await db.insert(t.itineraryItems).values(item("2031-04-01T21:00:00Z"));
    expect((await state()).itineraryComplete).toBe(true);

    await db.update(t.visits).set({ briefingIssuedAt: now }).where(eq(t.visits.activityId, visitId));
    expect(await state()).toMatchObject({ delegationComplete: true, itineraryComplete: true, briefingReady: true });

    // Beyond 90 days, or in the past, a visit is not upcoming.
    expect(
      (await getDashboard(db, new Date("2030-12-01T00:00:00Z"), zone)).visits.items.some((v) => v.id === visitId),
    ).toBe(false);
    expect(
      (await getDashboard(db, new Date("2031-04-05T00:00:00Z"), zone)).visits.items.some((v) => v.id === visitId),
    ).toBe(false);
  });

  it("reminds owners a few days before due and once overdue, once each, unless they turned it off", async () => {
    await db.delete(t.followUps);
    const overdue = (await add({ title: { en: "Overdue reminder" }, dueOn: "2031-03-07" }))!;
    const soon = (await add({ title: { en: "Due in two days" }, dueOn: "2031-03-12" }))!;
    await add({ title: { en: "Due in ten days" }, dueOn: "2031-03-20" });
    await add({ title: { en: "Old and overdue" }, dueOn: "2031-02-01" });
    await add({ title: { en: "Done" }, dueOn: "2031-03-11", status: "done" });
    await add({ title: { en: "Quiet owner's" }, dueOn: "2031-03-11", ownerId: quiet.id });
    await updateNoticePreferences(db, testActor, {
      id: quiet.id,
      version: quiet.version,
      remindActivities: true,
      remindCommitments: true,
      remindFollowUps: false,
      weeklyDigest: true,
    });

    const options = { secret: "a test secret of at least thirty-two characters", origin: "https://jembatan.test" };
    await runSchedulerPass(db, now, options);
    const queued = await db
      .select()
      .from(t.mailOutbox)
      .where(like(t.mailOutbox.dedupeKey, "follow-up-%"))
      .orderBy(t.mailOutbox.dedupeKey);
    expect(queued.map((m) => m.dedupeKey)).toEqual([
      `follow-up-due:3d:${soon.id}:${owner.id}:2031-03-12`,
      `follow-up-overdue:${overdue.id}:${owner.id}:2031-03-07`,
    ]);
    expect(queued.every((m) => m.kind === "follow_up_due" && m.userId === owner.id)).toBe(true);
    expect(queued[0]!.subject).toContain("Due in two days");
    expect(queued[0]!.text).toContain(`https://jembatan.test/visits/${visitId}/follow-ups#follow-up-${soon.id}`);

    // Again, and by another scheduler: nothing more.
    await runSchedulerPass(db, now, options);
    await runSchedulerPass(db, new Date(now.getTime() + 3_600_000), options);
    expect(await db.select().from(t.mailOutbox).where(like(t.mailOutbox.dedupeKey, "follow-up-%"))).toHaveLength(2);
  });
});
