import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { ConflictError, RecordError } from "../../app/models/errors.server";
import { newVisitSchema, visitEditSchema } from "../../app/forms/visit";
import { newVisitInput, visitChange } from "../../app/forms/visit.server";
import { markReportWritten, saveVisitReport } from "../../app/models/visit-report.server";
import { visitHistory } from "../../app/models/visit-history.server";
import { listVisits } from "../../app/models/visit-list.server";
import { createVisit } from "../../app/models/visit-writes.server";
import { loadVisit } from "../../app/models/visit-queries.server";
import { updateVisit } from "../../app/models/visit-writes.server";
import { visitAsFields } from "../../app/models/visit.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import {
  makeActivity,
  makeAgreement,
  makeCase,
  makeCommitment,
  makeVisit,
  testActor,
} from "../support/model-factories";

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

  it("saves the activity's fields a visit form carries, checked against the activity's version too", async () => {
    const { activity, visit } = await makeVisit(test.db);
    const fields = visitAsFields(visit);
    const title = { en: "Renamed visit", id: "Kunjungan berganti nama" };
    await updateVisit(test.db, testActor, activity.id, 1, { ...fields, activity: { version: 1, title } });
    const loaded = await loadVisit(test.db, activity.id);
    expect(loaded?.activity).toMatchObject({ title, version: 2, type: "visit" });
    // The activity changed since version 1: a visit save carrying version 1 is stale, nothing saved.
    const stale = updateVisit(test.db, testActor, activity.id, 2, {
      ...fields,
      activity: { version: 1, title: { en: "x" } },
    });
    await expect(stale).rejects.toMatchObject({ current: { version: 2, activityVersion: 2 } });
    expect((await loadVisit(test.db, activity.id))?.activity.title).toEqual(title);
  });

  it("a written report lets the visit be done; the report's lessons are the activity's", async () => {
    const { activity, visit } = await makeVisit(test.db);
    const rich = (text: string) => ({ json: { root: { children: [] } }, html: `<p>${text}</p>`, text });
    const saved = await saveVisitReport(
      test.db,
      testActor,
      activity.id,
      { version: 1, activityVersion: 1 },
      { outcomes: rich("Agreed a pilot"), lessons: rich("Bring interpreters") },
    );
    expect(saved).toMatchObject({ outcomesText: "Agreed a pilot", version: 2 });
    expect((await loadVisit(test.db, activity.id))?.activity.lessonsText).toBe("Bring interpreters");
    await expect(markReportWritten(test.db, testActor, activity.id, 1)).rejects.toBeInstanceOf(ConflictError);
    const written = await markReportWritten(test.db, testActor, activity.id, 2);
    expect(written?.reportWrittenAt).toBeInstanceOf(Date);
    const done = await updateVisit(test.db, testActor, activity.id, 3, { ...visitAsFields(visit), stage: "done" });
    expect(done?.stage).toBe("done");
    const actions = (await auditRows("visit", activity.id)).map((r) => r.action);
    expect(actions).toEqual(["create", "update", "report_written", "update"]);
  });

  it("reads the forms: a bad zone or a last day before the first are field errors", async () => {
    const form = {
      titleEn: "Form visit",
      direction: "incoming",
      startsOn: "2025-07-01",
      endsOn: "2025-06-30",
      cities: "Baku\n Ganja ,Sheki",
      timeZone: "Nowhere/City",
    };
    const refused = newVisitSchema.safeParse(form);
    expect(refused.success).toBe(false);
    const paths = refused.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["timeZone", "visits.unknownTimeZone"],
        ["endsOn", "visits.endBeforeStart"],
      ]),
    );
    const data = newVisitSchema.parse({ ...form, endsOn: "2025-07-02", timeZone: "Asia/Baku" });
    const input = newVisitInput(data);
    expect(input).toMatchObject({ cities: ["Baku", "Ganja", "Sheki"], city: "Baku", allDay: true });
    expect(input.endsAt.toISOString()).toBe("2025-07-02T23:59:59.000Z");
    const { activity, visit } = await createVisit(test.db, testActor, input);
    const edit = visitEditSchema.parse({
      ...form,
      endsOn: "",
      timeZone: "Asia/Baku",
      stage: "confirmed",
      activityVersion: "1",
      talkingPoints: "Ask about queues",
    });
    const change = await visitChange(edit, visitAsFields(visit));
    expect(change.talkingPoints?.text).toBe("Ask about queues");
    const saved = await updateVisit(test.db, testActor, activity.id, 1, change);
    expect(saved).toMatchObject({ stage: "confirmed", talkingPointsText: "Ask about queues" });
  });

  it("gathers the history with the partner in a fixed number of queries: earlier visits, commitments, cases", async () => {
    await test.db
      .insert(t.countries)
      .values({ code: "ID", name: { en: "Indonesia" }, timeZone: "Asia/Jakarta" })
      .onConflictDoNothing();
    const [partnership] = await test.db
      .insert(t.partnerships)
      .values({ slug: `visits-${driver}`, name: { en: "Test partnership" }, summary: { en: "Test." } })
      .returning();
    const agreement = await makeAgreement(test.db, partnership!.id);
    const other = await makeAgreement(test.db, partnership!.id);
    const commitment = await makeCommitment(test.db, agreement.id);
    const kase = await makeCase(test.db);
    const lessons = { json: { root: { children: [] } }, html: "<p>Book early</p>", text: "Book early" };
    const earlier = await makeVisit(test.db, {
      agreementId: other.id,
      startsAt: new Date("2023-10-10T00:00:00Z"),
      endsAt: new Date("2023-10-11T23:59:59Z"),
      lessons,
      commitmentIds: [commitment.id],
      caseIds: [kase.id],
    });
    // A meeting is no visit, and a later visit is not history.
    await makeActivity(test.db, { agreementId: other.id, startsAt: new Date("2022-01-01T00:00:00Z") });
    await makeVisit(test.db, {
      agreementId: other.id,
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2030-01-02T00:00:00Z"),
    });
    const { activity } = await makeVisit(test.db, { agreementId: agreement.id });
    const history = await visitHistory(test.db, activity);
    expect(history.earlierVisits.map((v) => v.id)).toEqual([earlier.activity.id]);
    expect(history.earlierVisits[0]).toMatchObject({ lessonsHtml: "<p>Book early</p>", hasVisit: true });
    expect(history.commitments).toEqual([
      expect.objectContaining({ id: commitment.id, status: "not_assessed", byThisVisit: false }),
    ]);
    expect(history.cases.map((c) => c.id)).toEqual([kase.id]);
  });

  it("lists upcoming and past visits, paged by the database", async () => {
    const now = new Date("2025-06-10T12:00:00Z");
    const upcoming = await listVisits(test.db, { list: "upcoming", page: 1, now });
    const past = await listVisits(test.db, { list: "past", page: 1, now });
    const all = await test.db.select({ id: t.activities.id }).from(t.activities).where(eq(t.activities.type, "visit"));
    expect(upcoming.total + past.total).toBe(all.length);
    const starts = upcoming.visits.map((v) => v.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(upcoming.visits.every((v) => v.endsAt >= now)).toBe(true);
    expect(past.visits.every((v) => v.endsAt < now && v.hasVisit)).toBe(true);
  });
});
