import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { zonedToUtc } from "../../app/lib/zoned-time";
import { activityFormSchema } from "../../app/forms/activity";
import {
  activityConflictFields,
  activityFormValues as formValuesOf,
  activityInput,
  activityTimes,
  auditedActivityFormValues,
} from "../../app/forms/activity.server";
import { checkForm, parseSubmission, reply } from "../../app/forms/submission";
import { RuleError } from "../../app/models/errors.server";
import { type ActivityInput } from "../../app/models/activity.server";
import { activityHistory, changedFields } from "../../app/models/activity-history.server";
import { activityFormOptions, getActivity, getActivityForEdit } from "../../app/models/activity-queries.server";
import {
  activitySlug,
  createActivity,
  deleteActivity,
  InvalidReferenceError,
  updateActivity,
} from "../../app/models/activity-writes.server";
import { describeConflict } from "../../app/models/conflict.server";
import { ConflictError } from "../../app/models/errors.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import { formData } from "../support/form-data";

const valid = {
  titleEn: "Workshop on service standards",
  type: "workshop",
  status: "planned",
  mode: "hybrid",
  startsOn: "2025-03-10",
};

describe("activity times: the viewer's wall clock to UTC", () => {
  it("converts Jakarta (UTC+7) and Baku (UTC+4) local times", () => {
    const jakarta = activityTimes({ startsOn: "2025-03-10", startTime: "09:00", endTime: "11:30" }, "Asia/Jakarta");
    expect(jakarta).toEqual({
      allDay: false,
      startsAt: new Date("2025-03-10T02:00:00Z"),
      endsAt: new Date("2025-03-10T04:30:00Z"),
    });
    const baku = activityTimes({ startsOn: "2025-03-10", startTime: "09:00", endTime: "11:30" }, "Asia/Baku");
    expect(baku.startsAt.toISOString()).toBe("2025-03-10T05:00:00.000Z");
    expect(baku.endsAt.toISOString()).toBe("2025-03-10T07:30:00.000Z");
    // Early morning in Jakarta is still the previous day in UTC.
    expect(zonedToUtc("2025-03-10", "05:00", "Asia/Jakarta").toISOString()).toBe("2025-03-09T22:00:00.000Z");
    expect(zonedToUtc("2025-03-10", "23:30", "Asia/Baku").toISOString()).toBe("2025-03-10T19:30:00.000Z");
  });

  it("stores an activity without times as whole days, the same in every zone", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Baku"]) {
      expect(activityTimes({ startsOn: "2025-03-10", endsOn: "2025-03-12" }, zone)).toEqual({
        allDay: true,
        startsAt: new Date("2025-03-10T00:00:00Z"),
        endsAt: new Date("2025-03-12T23:59:59Z"),
      });
    }
    expect(activityTimes({ startsOn: "2025-03-10" }, "Asia/Baku").endsAt.toISOString()).toBe(
      "2025-03-10T23:59:59.000Z",
    );
  });

  it("shows stored times back in the zone they are read in", () => {
    const input = {
      ...activityTimes({ startsOn: "2025-03-10", startTime: "09:00", endTime: "11:30" }, "Asia/Jakarta"),
      title: { en: "x" },
    } as ActivityInput;
    const values = (zone: string) =>
      formValuesOf({ ...input, commitmentIds: [], organizerIds: [], participantIds: [] }, zone);
    expect(values("Asia/Jakarta")).toMatchObject({ startsOn: "2025-03-10", startTime: "09:00", endTime: "11:30" });
    expect(values("Asia/Baku")).toMatchObject({ startsOn: "2025-03-10", startTime: "06:00", endTime: "08:30" });
  });
});

describe("the activity form's schema", () => {
  it("accepts a minimal activity and turns blank optional fields into nothing", () => {
    const result = checkForm(activityFormSchema, formData({ ...valid, titleId: " ", city: "", endsOn: "" }));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      titleEn: valid.titleEn,
      titleId: undefined,
      commitmentIds: [],
      endsOn: undefined,
    });
  });

  it("refuses an end before the start, beside the end field", () => {
    const days = checkForm(activityFormSchema, formData({ ...valid, endsOn: "2025-03-09" }));
    expect(days.success).toBe(false);
    if (!days.success) expect(days.errors.endsOn).toEqual({ key: "activities.endBeforeStart" });

    const hours = checkForm(activityFormSchema, formData({ ...valid, startTime: "14:00", endTime: "13:59" }));
    expect(hours.success).toBe(false);
    if (!hours.success) expect(hours.errors.endsOn).toEqual({ key: "activities.endBeforeStart" });

    const sameMinute = checkForm(activityFormSchema, formData({ ...valid, startTime: "14:00", endTime: "14:00" }));
    expect(sameMinute.success).toBe(true);
  });

  it("reports the date range together with the other mistakes", () => {
    const result = checkForm(
      activityFormSchema,
      formData({ ...valid, titleEn: "", type: "party", endsOn: "2025-01-01" }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({
      titleEn: { key: "validation.required" },
      type: { key: "validation.invalidChoice" },
      endsOn: { key: "activities.endBeforeStart" },
    });
  });

  it("checks dates, times and lengths", () => {
    const result = checkForm(
      activityFormSchema,
      formData({ ...valid, startsOn: "2025-02-30", endTime: "25:00", city: "x".repeat(101), titleId: "y".repeat(201) }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({
      startsOn: { key: "validation.dateRange" },
      endTime: { key: "validation.invalid" },
      city: { key: "validation.tooLong", values: { max: 100 } },
      titleId: { key: "validation.tooLong", values: { max: 200 } },
    });
  });

  it("wants a start time when an end time is given", () => {
    const result = checkForm(activityFormSchema, formData({ ...valid, endTime: "10:00" }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.startTime).toEqual({ key: "activities.endTimeWithoutStart" });
  });

  it("keeps everything typed, checked boxes and lessons included, when the form is refused", () => {
    const submission = parseSubmission(
      formData({
        ...valid,
        endsOn: "2025-03-01",
        commitmentIds: ["3", "1"],
        lessons: "Keep it short.",
        lessonsFormat: "text",
        unknown: "not echoed",
      }),
      activityFormSchema,
    );
    expect(submission.status).toBe("error");
    const refused = reply(submission);
    expect(refused.initialValue).toMatchObject({
      commitmentIds: ["3", "1"],
      lessons: "Keep it short.",
      lessonsFormat: "text",
      endsOn: "2025-03-01",
    });
    expect(refused.initialValue).not.toHaveProperty("unknown");
    expect(refused.error?.endsOn).toEqual([{ key: "activities.endBeforeStart" }]);
  });

  it("reads lessons learned from the textarea and refuses a broken editor state", async () => {
    const read = async (fields: Record<string, string>, zone: string) => {
      const submission = parseSubmission(formData(fields), activityFormSchema);
      if (submission.status !== "success") expect.fail(JSON.stringify(submission.error));
      return activityInput(submission.value, zone);
    };
    const ok = await read(
      { ...valid, startTime: "09:00", lessons: "First lesson.\n\nSecond lesson.", lessonsFormat: "text" },
      "Asia/Baku",
    );
    expect(ok.startsAt.toISOString()).toBe("2025-03-10T05:00:00.000Z");
    expect(ok.lessons?.text).toMatch(/First lesson\.\s+Second lesson\./);
    expect(ok.lessons?.html).toContain("<p");

    const broken = read({ ...valid, lessons: "{not json", lessonsFormat: "lexical" }, "UTC");
    await expect(broken).rejects.toThrow(RuleError);
    await expect(broken).rejects.toMatchObject({ errors: { lessons: { key: "activities.lessonsInvalid" } } });
  });

  it("makes readable slugs with a random suffix", () => {
    expect(activitySlug("Kunjungan ke Baku: hari ke-2!")).toMatch(/^kunjungan-ke-baku-hari-ke-2-[0-9a-f]{6}$/);
    expect(activitySlug("Çalışma görüşü Əliyev")).toMatch(/^calisma-gorusu-eliyev-[0-9a-f]{6}$/);
    expect(activitySlug("Workshop")).not.toBe(activitySlug("Workshop"));
  });
});

describe.each(drivers)("activities on %s", (driver) => {
  let test: TestDatabase;
  let editorId: number;
  let options: Awaited<ReturnType<typeof activityFormOptions>>;
  let created: number;

  const baseInput = (): ActivityInput => ({
    title: { en: "Joint workshop on service-mall standards", id: "Lokakarya bersama standar mal pelayanan" },
    type: "workshop",
    status: "planned",
    mode: "hybrid",
    ...activityTimes({ startsOn: "2025-03-10", startTime: "09:00", endTime: "12:00" }, "Asia/Jakarta"),
    city: "Jakarta",
    countryCode: "ID",
    agreementId: options.agreements[0]!.id,
    description: { en: "Two days of comparing standards." },
    outputs: null,
    lessons: null,
    commitmentIds: [options.commitments[0]!.id, options.commitments[1]!.id],
    organizerIds: [options.organizations[0]!.id],
    participantIds: [options.people[0]!.id, options.people[1]!.id],
  });

  const auditRows = (id: number) =>
    test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "activity"), eq(t.auditLog.entityId, String(id))))
      .orderBy(t.auditLog.id);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    // content/ alone: the demo's dated example scenario would change the counts (seed-examples.test.ts).
    await seedContent(test.db, { demo: true, examples: false });
    const [editor] = await test.db.select().from(t.users).where(eq(t.users.email, "editor@example.org"));
    editorId = editor!.id;
    options = await activityFormOptions(test.db);
  });
  afterAll(() => test.close());

  it("offers the countries, agreements, commitments, organizations and people to choose from", () => {
    expect(options.countries.map((c) => c.code)).toEqual(expect.arrayContaining(["ID", "AZ"]));
    expect(options.agreements.length).toBe(3);
    expect(options.commitments.length).toBeGreaterThanOrEqual(7);
    expect(options.organizations.length).toBeGreaterThan(1);
    expect(options.people.some((p) => p.organization)).toBe(true);
  });

  it("creates an activity with its links and an audit row", async () => {
    const row = await createActivity(test.db, { userId: editorId }, baseInput());
    created = row.id;
    expect(row.version).toBe(1);
    expect(row.slug).toMatch(/^joint-workshop-on-service-mall-standards-[0-9a-f]{6}$/);

    const activity = await getActivity(test.db, created);
    expect(activity!.startsAt.toISOString()).toBe("2025-03-10T02:00:00.000Z");
    expect(activity!.allDay).toBe(false);
    expect(activity!.commitments.map((c) => c.id).sort()).toEqual(baseInput().commitmentIds.sort());
    expect(activity!.organizers.map((o) => o.id)).toEqual(baseInput().organizerIds);
    expect(activity!.participants).toHaveLength(2);
    expect(activity!.agreementTitle?.en).toBeTruthy();
    expect(activity!.countryName?.en).toBe("Indonesia");

    const [audit] = await auditRows(created);
    expect(audit).toMatchObject({ action: "create", actorId: editorId });
    expect(audit!.after).toMatchObject({
      title: baseInput().title,
      commitmentIds: [...baseInput().commitmentIds].sort((a, b) => a - b),
      participantIds: [...baseInput().participantIds].sort((a, b) => a - b),
      version: 1,
    });
  });

  it("updates with the version it was read at, bumping it and recording before and after", async () => {
    const lessons = {
      json: { root: { type: "root", children: [] } },
      html: "<p><strong>Bold</strong></p>",
      text: "Bold",
    };
    const next = {
      ...baseInput(),
      title: { en: "Joint workshop on standards (revised)" },
      status: "confirmed" as const,
      commitmentIds: [options.commitments[2]!.id],
      participantIds: [options.people[0]!.id],
      lessons,
    };
    const row = await updateActivity(test.db, { userId: editorId }, { ...next, id: created, version: 1 });
    expect(row!.version).toBe(2);

    const edit = await getActivityForEdit(test.db, created);
    expect(edit!.version).toBe(2);
    expect(edit!.input.commitmentIds).toEqual([options.commitments[2]!.id]);
    expect(edit!.input.participantIds).toEqual([options.people[0]!.id]);
    expect(edit!.input.lessons).toMatchObject({ html: lessons.html, text: "Bold" });
    expect(edit!.input.title).toEqual({ en: "Joint workshop on standards (revised)" });

    const rows = await auditRows(created);
    const update = rows.at(-1)!;
    expect(update).toMatchObject({ action: "update", actorId: editorId });
    expect((update.before as { commitmentIds: number[] }).commitmentIds).toEqual(
      [...baseInput().commitmentIds].sort((a, b) => a - b),
    );
    expect((update.after as { commitmentIds: number[] }).commitmentIds).toEqual([options.commitments[2]!.id]);
    expect(changedFields(update.before, update.after)).toEqual(
      expect.arrayContaining(["title", "status", "commitmentIds", "participantIds", "lessons"]),
    );
    expect(changedFields(update.before, update.after)).not.toContain("organizerIds");
  });

  it("turns a stale update into a ConflictError and changes nothing", async () => {
    const before = await getActivityForEdit(test.db, created);
    const auditBefore = (await auditRows(created)).length;
    const stale = { ...baseInput(), title: { en: "Overwritten silently?" }, commitmentIds: [], city: "Ganja" };
    const failure = await updateActivity(test.db, { userId: editorId }, { ...stale, id: created, version: 1 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ConflictError);
    // The conflict carries what is saved now, so the page can show it beside what was typed.
    expect((failure as ConflictError).current).toMatchObject({
      version: 2,
      title: { en: "Joint workshop on standards (revised)" },
    });

    const after = await getActivityForEdit(test.db, created);
    expect(after).toEqual(before);
    expect((await auditRows(created)).length).toBe(auditBefore);

    // The conflict view names what the other editor changed since version 1 (from the audit log),
    // not what this one typed: the city, which only this editor changed, is not named.
    const zone = "Asia/Baku";
    const conflict = await describeConflict(test.db, {
      entityType: "activity",
      entityId: created,
      version: 1,
      yours: formValuesOf(stale, zone),
      theirs: formValuesOf(after!.input, zone),
      currentVersion: after!.version,
      fields: activityConflictFields,
      baseValues: (state: Parameters<typeof auditedActivityFormValues>[0]) => auditedActivityFormValues(state, zone),
    });
    expect(conflict.changed).toEqual([
      "titleEn",
      "titleId",
      "status",
      "commitmentIds",
      "participantIds",
      "lessonsText",
    ]);
  });

  it("refuses links to records that do not exist, writing nothing", async () => {
    const auditBefore = (await auditRows(created)).length;
    const bad = { ...baseInput(), organizerIds: [999_999], countryCode: "ZZ" };
    const failure = await updateActivity(test.db, { userId: editorId }, { ...bad, id: created, version: 2 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(InvalidReferenceError);
    expect((failure as InvalidReferenceError).fields).toEqual(["countryCode", "organizerIds"]);
    expect((await getActivityForEdit(test.db, created))!.version).toBe(2);
    expect((await auditRows(created)).length).toBe(auditBefore);
    await expect(createActivity(test.db, { userId: editorId }, bad)).rejects.toBeInstanceOf(InvalidReferenceError);
  });

  it("lists the history newest first with the editor's name and the changed fields", async () => {
    const history = await activityHistory(test.db, created);
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
    expect(history[0]).toMatchObject({ actorName: "Demo Editor", actorLabel: null });
    expect(history[0]!.fields).toEqual(expect.arrayContaining(["title", "commitmentIds"]));
  });

  it("shows the seed as the author of seeded activities", async () => {
    const [seeded] = await test.db
      .select({ id: t.activities.id })
      .from(t.activities)
      .where(eq(t.activities.slug, "2023-10-10-visit-to-asan-xidmat-baku"));
    const history = await activityHistory(test.db, seeded!.id);
    expect(history.at(-1)).toMatchObject({ action: "create", actorLabel: "seed", actorName: null });
    // The model's create row holds the links, as when the app's form creates one; the citations,
    // which no form edits, follow in a row of their own.
    expect(history.map((h) => [h.action, h.fields, h.actorLabel])).toEqual([
      ["update", ["sources"], "seed"],
      ["create", [], "seed"],
    ]);
    const activity = await getActivity(test.db, seeded!.id);
    expect(activity!.sources.length).toBeGreaterThan(0);
    expect(activity!.allDay).toBe(true);
  });

  it("deletes only at the current version, with its links and citations, and records it", async () => {
    await expect(deleteActivity(test.db, { userId: editorId }, { id: created, version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await getActivity(test.db, created)).not.toBeNull();

    const [source] = await test.db.select({ id: t.sources.id }).from(t.sources).limit(1);
    await test.db.insert(t.citations).values({ sourceId: source!.id, subjectKind: "activity", subjectId: created });

    expect(await deleteActivity(test.db, { userId: editorId }, { id: created, version: 2 })).toBe(true);
    expect(await getActivity(test.db, created)).toBeNull();
    expect(
      await test.db.select().from(t.activityOrganizers).where(eq(t.activityOrganizers.activityId, created)),
    ).toEqual([]);
    expect(
      await test.db
        .select()
        .from(t.citations)
        .where(and(eq(t.citations.subjectKind, "activity"), eq(t.citations.subjectId, created))),
    ).toEqual([]);
    const last = (await auditRows(created)).at(-1)!;
    expect(last).toMatchObject({ action: "delete", actorId: editorId, after: null });
    expect(last.before).toMatchObject({ version: 2, organizerIds: baseInput().organizerIds, sourceIds: [source!.id] });
    expect(await deleteActivity(test.db, { userId: editorId }, { id: created, version: 2 })).toBe(false);
    expect((await activityHistory(test.db, created))[0]!.action).toBe("delete");
  });

  it("keeps a participant's role when the participant stays", async () => {
    const row = await createActivity(test.db, { label: "cli" }, baseInput());
    const personId = baseInput().participantIds[0]!;
    await test.db
      .update(t.activityParticipants)
      .set({ role: { en: "Moderator" } })
      .where(and(eq(t.activityParticipants.activityId, row.id), inArray(t.activityParticipants.personId, [personId])));
    await updateActivity(
      test.db,
      { label: "cli" },
      { ...baseInput(), participantIds: [personId], id: row.id, version: 1 },
    );
    const activity = await getActivity(test.db, row.id);
    expect(activity!.participants).toEqual([expect.objectContaining({ id: personId, role: { en: "Moderator" } })]);
    expect((await activityHistory(test.db, row.id))[0]).toMatchObject({
      actorLabel: "cli",
      fields: ["participantIds"],
    });
  });
});
