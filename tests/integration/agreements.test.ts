import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import { referencesOf } from "../../app/models/record-references.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { editAgreementForm, newAgreementForm } from "../../app/forms/agreement";
import { agreementInput } from "../../app/forms/agreement.server";
import { evidenceForm } from "../../app/forms/commitment-tracking";
import { commitmentFormValues } from "../../app/forms/commitment.server";
import { getAgreementForEdit } from "../../app/models/agreement-edit.server";
import { getAgreement, listAgreements } from "../../app/models/agreement-queries.server";
import { createAgreement, updateAgreement, type AgreementInput } from "../../app/models/agreement-writes.server";
import { confirmCompletion, withdrawConfirmation } from "../../app/models/commitment-confirmations.server";
import { addEvidence } from "../../app/models/commitment-evidence.server";
import { setFocalPoint } from "../../app/models/commitment-focal-points.server";
import { addMilestone, completeMilestone } from "../../app/models/commitment-milestones.server";
import { getCommitment, getCommitmentForEdit } from "../../app/models/commitment-queries.server";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { createCommitment, updateCommitment } from "../../app/models/commitment-writes.server";
import { describeConflict } from "../../app/models/conflict.server";
import { ConflictError, RuleError } from "../../app/models/errors.server";
import { checkForm } from "../../app/forms/submission";
import { calendarToday } from "../../app/lib/zoned-time";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import { formData } from "../support/form-data";
import { assessmentInput } from "../support/model-factories";

// A fixed day, so statuses do not drift with the calendar.
const today = "2025-03-01";

/** Counts the statements `run` sends, by wrapping the driver's query method for the duration. */
async function countQueries(db: TestDatabase["db"], run: () => Promise<unknown>) {
  const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }).$client;
  const method = typeof client.unsafe === "function" ? "unsafe" : "query";
  const original = client[method]!;
  let n = 0;
  client[method] = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    client[method] = original;
  }
  return n;
}

describe.each(drivers)("agreements and commitments on %s", (driver) => {
  let test: TestDatabase;
  let editor: { userId: number };
  /** An editor of the Azerbaijani side: the demo editor is Indonesian, and each side confirms for itself. */
  let azEditor: { userId: number };
  let mouId: number;
  let renewalId: number;
  let actionPlanId: number;

  async function slugId(table: typeof t.agreements | typeof t.commitments, slug: string) {
    const [row] = await test.db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
    return row!.id;
  }

  async function auditRows(entityType: string, entityId: number) {
    return test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, String(entityId))))
      .orderBy(t.auditLog.id);
  }

  async function newCommitment(text = "Exchange three study visits by the end of the period.") {
    return (await createCommitment(test.db, editor, mouId, {
      text: { en: text },
      area: "testing",
      responsibleOrganizationId: null,
      dueOn: "2025-01-31",
    }))!;
  }

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    // content/ alone: the demo's dated example scenario would change the counts (seed-examples.test.ts).
    await seedContent(test.db, { demo: true, examples: false });
    const [u] = await test.db.select().from(t.users).where(eq(t.users.email, "editor@example.org"));
    editor = { userId: u!.id };
    const [azOrg] = await test.db
      .select({ id: t.organizations.id })
      .from(t.organizations)
      .where(eq(t.organizations.slug, "azerbaijan-state-agency-public-service-social-innovations"));
    const [az] = await test.db
      .insert(t.users)
      .values({
        email: "az-editor@example.org",
        name: "AZ Editor",
        role: "editor",
        passwordHash: "-",
        organizationId: azOrg!.id,
      })
      .returning();
    azEditor = { userId: az!.id };
    mouId = await slugId(t.agreements, "mou-2017");
    renewalId = await slugId(t.agreements, "renewal-2024");
    actionPlanId = await slugId(t.agreements, "action-plan-2024-2026");
  });
  afterAll(() => test.close());

  it("lists every agreement with its status: the 2017 MoU is renewed by the 2024 renewal", async () => {
    const list = await listAgreements(test.db, today);
    const mou = list.find((a) => a.id === mouId)!;
    expect(mou.state).toBe("renewed");
    expect(mou.renewedBy).toEqual([
      { id: renewalId, title: expect.objectContaining({ en: expect.stringMatching(/Renewal/) }) },
    ]);
    expect(list.find((a) => a.id === renewalId)!.state).toBe("in_force");
    const plan = list.find((a) => a.id === actionPlanId)!;
    expect(plan.state).toBe("in_force");
    // No source gives its end: the seed marks the date as inferred.
    expect(plan.inForceUntilInferred).toBe(true);
    expect(mou.inForceUntilInferred).toBe(false);
    expect(plan.progress).toEqual({ total: 3, active: 3, complete: 0, percent: 0 });
    // After its stated end, the action plan reads as expired.
    expect((await listAgreements(test.db, "2026-07-02")).find((a) => a.id === actionPlanId)!.state).toBe("expired");
    expect(mou.progress.total).toBeGreaterThanOrEqual(4);
  });

  it("shows the 2017 MoU with its one-stop-shop commitment and the activities that serve it", async () => {
    const mou = (await getAgreement(test.db, mouId, today))!;
    expect(mou.state).toBe("renewed");
    expect(mou.renewedBy.map((r) => r.id)).toEqual([renewalId]);
    expect(mou.sides.map((s) => s.code)).toEqual(["ID", "AZ"]);
    expect((await referencesOf(test.db, { kind: "agreement", id: mouId }, false)).sources.length).toBeGreaterThan(0);
    expect(mou.signatories.map((s) => s.name)).toEqual(expect.arrayContaining(["Asman Abnur", "Inam Karimov"]));
    const oneStopId = await slugId(t.commitments, "mou-2017-one-stop-shop-concept");
    const oneStop = mou.commitments.find((c) => c.id === oneStopId)!;
    // No source reports progress on it: seeded, it is not assessed.
    expect(oneStop.status).toBe("not_assessed");
    expect(oneStop.responsible?.en).toMatch(/Administrative and Bureaucratic Reform/);
    // The card counts the activities that serve it; its own page lists them.
    expect(oneStop.activityCount).toBeGreaterThan(0);
    const served = (await getCommitment(test.db, oneStopId))!.activities;
    expect(served).toHaveLength(oneStop.activityCount);
    expect(served.find((a) => /ASAN Xidmat in Baku/.test(a.title.en))!.startsAt.toISOString()).toMatch(/^2023-10-10/);
    expect(mou.progress).toMatchObject({ total: mou.commitments.length, complete: 0, overdue: 0 });

    const renewal = (await getAgreement(test.db, renewalId, today))!;
    expect(renewal.parent?.id).toBe(mouId);
    expect(renewal.continuedBy.map((c) => c.id)).toEqual([actionPlanId]);
  });

  it("loads an agreement page in a fixed number of queries, however many commitments it has", async () => {
    const before = await countQueries(test.db, () => getAgreement(test.db, actionPlanId, today));
    for (const n of [1, 2, 3]) {
      const c = (await createCommitment(test.db, editor, actionPlanId, {
        text: { en: `Extra commitment ${n}` },
        area: "testing",
        responsibleOrganizationId: null,
        dueOn: null,
      }))!;
      await addEvidence(test.db, editor, { commitmentId: c.id, note: "A note" });
      await addMilestone(test.db, editor, { commitmentId: c.id, title: { en: "A step" }, dueOn: null });
    }
    const after = await countQueries(test.db, () => getAgreement(test.db, actionPlanId, today));
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
    expect((await getAgreement(test.db, actionPlanId, today))!.commitments).toHaveLength(6);
  });

  it("pages an agreement's commitments, counting its progress over all of them", async () => {
    const whole = (await getAgreement(test.db, actionPlanId, today))!;
    const first = (await getAgreement(test.db, actionPlanId, today, { page: 1, pageSize: 4 }))!;
    const second = (await getAgreement(test.db, actionPlanId, today, { page: 2, pageSize: 4 }))!;
    expect(whole.commitments.length).toBeGreaterThan(4);
    expect(first.commitmentPage).toEqual({ page: 1, pageSize: 4, total: whole.commitments.length });
    expect([...first.commitments, ...second.commitments].map((c) => c.id)).toEqual(whole.commitments.map((c) => c.id));
    expect(second.progress).toEqual(whole.progress);
    expect(whole.progress.overdue).toBe(whole.commitments.filter((c) => c.overdue).length);
    expect(whole.progress.fullyConfirmed).toBe(whole.commitments.filter((c) => c.fullyConfirmed).length);
  });

  it("gives the same order one at a time: the first ten pages' offsets are written in, later ones sent", async () => {
    for (let i = 0; i < 8; i++) await newCommitment(`Paged commitment ${i + 1}.`);
    const whole = (await getAgreement(test.db, mouId, today, { pageSize: 100 }))!.commitments.map((c) => c.id);
    const oneByOne = [];
    for (let page = 1; page <= whole.length; page++) {
      oneByOne.push(
        ...(await getAgreement(test.db, mouId, today, { page, pageSize: 1 }))!.commitments.map((c) => c.id),
      );
    }
    expect(whole.length).toBeGreaterThan(10);
    expect(oneByOne).toEqual(whole);
  });

  it("counts the activities serving a commitment on its card and lists them, newest first, on its page", async () => {
    const c = await newCommitment("Hold a monthly knowledge-sharing call.");
    const calls = await test.db
      .insert(t.activities)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          slug: `monthly-call-${c.id}-${i}`,
          type: "knowledge_sharing" as const,
          title: { en: `Monthly call ${i + 1}` },
          startsAt: new Date(Date.UTC(2025, i, 15, 3)),
          endsAt: new Date(Date.UTC(2025, i, 15, 4)),
        })),
      )
      .returning({ id: t.activities.id });
    await test.db.insert(t.activityCommitments).values(calls.map((a) => ({ activityId: a.id, commitmentId: c.id })));

    const card = (await getAgreement(test.db, mouId, today, { pageSize: 100 }))!.commitments.find(
      (x) => x.id === c.id,
    )!;
    expect(card.activityCount).toBe(7);
    expect(card).not.toHaveProperty("activities");
    const page = (await getCommitment(test.db, c.id))!;
    expect(page.activityCount).toBe(7);
    expect(page.activities.map((a) => a.title.en)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Monthly call ${7 - i}`),
    );
    expect(page.activities[0]!.startsAt).toBeInstanceOf(Date);
  });

  it("refuses 'complete' without evidence, beside the status field, and changes nothing", async () => {
    const c = await newCommitment();
    const error = await assessCommitment(test.db, editor, c.id, c.version, assessmentInput("complete")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect(error).toMatchObject({ field: "status", key: "commitments.completeNeedsEvidence" });
    const [after] = await test.db.select().from(t.commitments).where(eq(t.commitments.id, c.id));
    expect(after).toMatchObject({ status: "not_assessed", version: 1 });
    expect(
      await test.db.select().from(t.commitmentAssessments).where(eq(t.commitmentAssessments.commitmentId, c.id)),
    ).toEqual([]);
  });

  it("checks evidence: http(s) links only, a note of at most 2000 characters, one of the two", () => {
    const bad = checkForm(evidenceForm, formData({ intent: "evidence", url: "javascript:alert(1)", note: "" }));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.errors.url).toEqual({ key: "commitments.evidenceUrlScheme" });
    const empty = checkForm(evidenceForm, formData({ intent: "evidence", url: " ", note: "" }));
    if (!empty.success) expect(empty.errors.url).toEqual({ key: "commitments.evidenceEmpty" });
    else expect.fail("an empty evidence form must be refused");
    const long = checkForm(evidenceForm, formData({ intent: "evidence", note: "x".repeat(2001) }));
    if (!long.success) expect(long.errors.note).toEqual({ key: "validation.tooLong", values: { max: 2000 } });
    else expect.fail("a note over 2000 characters must be refused");
    expect(
      checkForm(evidenceForm, formData({ intent: "evidence", url: "https://example.org/report.pdf" })).success,
    ).toBe(true);
  });

  it("completes a commitment with evidence; each side confirms separately; reopening withdraws confirmations", async () => {
    const c = await newCommitment("Publish a joint report on public service malls.");
    await addEvidence(test.db, editor, { commitmentId: c.id, url: "https://example.org/report", note: "Joint report" });
    const complete = (await assessCommitment(test.db, editor, c.id, 1, assessmentInput("complete")))!;
    expect(complete).toMatchObject({ status: "complete", version: 2 });

    const first = (await confirmCompletion(test.db, editor, { commitmentId: c.id, version: 2, countryCode: "ID" }))!;
    expect(first.fullyConfirmed).toBe(false);
    expect(first.confirmation).toMatchObject({ countryCode: "ID", confirmedBy: editor.userId });
    let view = (await getCommitment(test.db, c.id))!;
    expect(view.fullyConfirmed).toBe(false);
    expect(view.confirmations).toEqual([
      {
        countryCode: "ID",
        confirmedAt: expect.any(Date),
        confirmedBy: { id: editor.userId, name: "Demo Editor" },
        onBehalf: false,
      },
    ]);

    const second = (await confirmCompletion(test.db, azEditor, { commitmentId: c.id, version: 2, countryCode: "AZ" }))!;
    expect(second.fullyConfirmed).toBe(true);
    view = (await getCommitment(test.db, c.id))!;
    expect(view.fullyConfirmed).toBe(true);
    expect(view.evidence).toEqual([
      expect.objectContaining({ url: "https://example.org/report", addedBy: "Demo Editor" }),
    ]);
    const summary = (await getAgreement(test.db, mouId, today))!;
    const card = summary.commitments.find((x) => x.id === c.id);
    expect(card).toMatchObject({ evidenceCount: 1, fullyConfirmed: true });
    // The card's confirmations come from another query than the commitment page's: the same, in the same order.
    expect(card!.confirmations).toEqual(view.confirmations);
    expect(summary.progress.fullyConfirmed).toBe(1);

    // Only the partnership's countries are sides.
    await expect(
      confirmCompletion(test.db, editor, { commitmentId: c.id, version: 2, countryCode: "FR" }),
    ).rejects.toMatchObject({ key: "commitments.notASide" });

    const reopened = (await assessCommitment(test.db, editor, c.id, 2, assessmentInput("substantial")))!;
    expect(reopened.version).toBe(3);
    expect(
      await test.db.select().from(t.commitmentConfirmations).where(eq(t.commitmentConfirmations.commitmentId, c.id)),
    ).toEqual([]);
    await expect(
      confirmCompletion(test.db, editor, { commitmentId: c.id, version: 3, countryCode: "ID" }),
    ).rejects.toMatchObject({ key: "commitments.confirmNeedsComplete" });

    const actions = (await auditRows("commitment", c.id)).map((r) => r.action);
    expect(actions).toEqual(["create", "add_evidence", "assess", "confirm", "confirm", "assess"]);
    const last = (await auditRows("commitment", c.id)).at(-1)!;
    expect(last.actorId).toBe(editor.userId);
    expect((last.after as { withdrawnConfirmations: unknown[] }).withdrawnConfirmations).toHaveLength(2);
  });

  it("withdraws one side's confirmation on request", async () => {
    const c = await newCommitment("Hold a closing workshop.");
    await addEvidence(test.db, editor, { commitmentId: c.id, note: "Held in Jakarta" });
    await assessCommitment(test.db, editor, c.id, 1, assessmentInput("complete"));
    await confirmCompletion(test.db, azEditor, { commitmentId: c.id, version: 2, countryCode: "AZ" });
    expect(await withdrawConfirmation(test.db, azEditor, { commitmentId: c.id, countryCode: "AZ" })).toMatchObject({
      withdrawn: { countryCode: "AZ" },
    });
    expect(await withdrawConfirmation(test.db, editor, { commitmentId: 2 ** 31 - 1, countryCode: "AZ" })).toBeNull();
    expect(
      await setFocalPoint(test.db, editor, { commitmentId: 2 ** 31 - 1, countryCode: "AZ", personId: null }),
    ).toBeNull();
    expect((await getCommitment(test.db, c.id))!.confirmations).toEqual([]);
    expect((await auditRows("commitment", c.id)).at(-1)!.action).toBe("withdraw_confirmation");
  });

  it("withdraws only the confirmation the editor saw: one given again since is a conflict", async () => {
    const c = await newCommitment("Publish the closing report.");
    await addEvidence(test.db, editor, { commitmentId: c.id, note: "Published" });
    await assessCommitment(test.db, editor, c.id, 1, assessmentInput("complete"));
    const seen = (await confirmCompletion(test.db, editor, { commitmentId: c.id, version: 2, countryCode: "ID" }))!;
    const seenAt = seen.confirmation!.confirmedAt.toISOString();
    // Someone else withdraws it and confirms again in the meantime.
    await withdrawConfirmation(test.db, editor, { commitmentId: c.id, countryCode: "ID", confirmedAt: seenAt });
    await new Promise((r) => setTimeout(r, 5));
    await confirmCompletion(test.db, editor, { commitmentId: c.id, version: 2, countryCode: "ID" });
    await expect(
      withdrawConfirmation(test.db, editor, { commitmentId: c.id, countryCode: "ID", confirmedAt: seenAt }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getCommitment(test.db, c.id))!.confirmations).toHaveLength(1);
    // Already withdrawn is no conflict: there is nothing left to lose.
    const [again] = (await getCommitment(test.db, c.id))!.confirmations;
    await withdrawConfirmation(test.db, editor, {
      commitmentId: c.id,
      countryCode: "ID",
      confirmedAt: again!.confirmedAt.toISOString(),
    });
    expect(
      await withdrawConfirmation(test.db, editor, { commitmentId: c.id, countryCode: "ID", confirmedAt: seenAt }),
    ).toEqual({ withdrawn: null });
  });

  it("refuses a stale version with ConflictError and changes nothing", async () => {
    const c = await newCommitment("Translate the service standards.");
    const input = {
      text: { en: "Translate the service standards into Azerbaijani." },
      area: "testing",
      responsibleOrganizationId: null,
      dueOn: null,
    };
    const saved = (await updateCommitment(test.db, editor, { id: c.id, version: 1, ...input }))!;
    expect(saved.version).toBe(2);
    const stale = await updateCommitment(test.db, editor, { id: c.id, version: 1, ...input, area: "other" }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toMatchObject({ version: 2, area: "testing" });
    await expect(assessCommitment(test.db, editor, c.id, 1, assessmentInput("withdrawn"))).rejects.toBeInstanceOf(
      ConflictError,
    );
    const [row] = await test.db.select().from(t.commitments).where(eq(t.commitments.id, c.id));
    expect(row).toMatchObject({ version: 2, area: "testing", status: "not_assessed" });
    expect((await auditRows("commitment", c.id)).map((r) => r.action)).toEqual(["create", "update"]);

    // The conflict view lists what the other editor changed since version 1, not what this one typed.
    const conflict = await describeConflict(test.db, {
      entityType: "commitment",
      entityId: c.id,
      version: 1,
      theirs: commitmentFormValues(row!),
      currentVersion: row!.version,
      yours: { ...commitmentFormValues(c), area: "other" },
      fields: ["textEn", "area", "dueOn"],
      baseValues: commitmentFormValues,
    });
    expect(conflict.changed).toEqual(["textEn", "dueOn"]);
    expect(conflict.theirs).toMatchObject({
      textEn: "Translate the service standards into Azerbaijani.",
      dueOn: "",
    });
    expect(conflict.version).toBe(2);
    expect(conflict.savedBy).toEqual({ name: "Demo Editor", label: null, at: expect.any(String) });
  });

  it("keeps milestones and one focal point per side, from that side's people", async () => {
    const c = await newCommitment("Train service-centre staff.");
    const m = (await addMilestone(test.db, editor, {
      commitmentId: c.id,
      title: { en: "Curriculum agreed" },
      dueOn: "2025-02-01",
    }))!;
    await addMilestone(test.db, editor, { commitmentId: c.id, title: { en: "First cohort trained" }, dueOn: null });
    await completeMilestone(test.db, editor, { commitmentId: c.id, milestoneId: m.id, completedOn: "2025-02-03" });
    const [anas] = await test.db.select().from(t.people).where(eq(t.people.slug, "abdullah-azwar-anas"));
    const [karimov] = await test.db.select().from(t.people).where(eq(t.people.slug, "inam-karimov"));
    await setFocalPoint(test.db, editor, { commitmentId: c.id, countryCode: "ID", personId: anas!.id });
    await expect(
      setFocalPoint(test.db, editor, { commitmentId: c.id, countryCode: "ID", personId: karimov!.id }),
    ).rejects.toMatchObject({ field: "personId", key: "commitments.focalPointWrongSide" });
    await setFocalPoint(test.db, editor, { commitmentId: c.id, countryCode: "AZ", personId: karimov!.id });

    const forEdit = (await getCommitmentForEdit(test.db, c.id))!;
    expect(forEdit.agreement.id).toBe(mouId);
    expect(forEdit.commitment).toMatchObject({ id: c.id, text: c.text, version: c.version });
    expect(await getCommitmentForEdit(test.db, 2 ** 31 - 1)).toBeNull();

    const view = (await getCommitment(test.db, c.id))!;
    expect(view.milestones.map((x) => [x.title.en, x.completedOn])).toEqual([
      ["Curriculum agreed", "2025-02-03"],
      ["First cohort trained", null],
    ]);
    expect(view.focalPoints.ID?.name).toBe("Abdullah Azwar Anas");
    expect(view.focalPoints.AZ?.name).toBe("Inam Karimov");
    const row = (await getAgreement(test.db, mouId, today))!.commitments.find((x) => x.id === c.id)!;
    expect(row.milestones).toEqual({ done: 1, total: 2 });
    expect(row.focalPoints).toEqual({ ID: "Abdullah Azwar Anas", AZ: "Inam Karimov" });
    expect(view.focalPoints.AZ!.title?.en).toMatch(/Chairman/);
    // Due 2025-01-31, not complete: overdue on the fixed day.
    expect(row.overdue).toBe(true);

    await setFocalPoint(test.db, editor, { commitmentId: c.id, countryCode: "AZ", personId: null });
    expect((await getCommitment(test.db, c.id))!.focalPoints.AZ).toBeUndefined();
    expect((await auditRows("commitment", c.id)).map((r) => r.action)).toEqual([
      "create",
      "add_milestone",
      "add_milestone",
      "complete_milestone",
      "set_focal_point",
      "set_focal_point",
      "set_focal_point",
    ]);
  });

  describe("agreement forms", () => {
    const valid = {
      partnershipId: "1",
      kind: "action_plan",
      titleEn: "Joint work plan 2025",
      titleId: "",
      summaryEn: "What both sides will do together in 2025.",
      summaryId: "",
      signedOn: "",
      signedCity: "",
      inForceFrom: "2025-01-01",
      inForceUntil: "2025-12-31",
      status: "signed",
      parentId: "",
    };

    it("checks required fields, lengths and the period, all at once", () => {
      const result = checkForm(
        newAgreementForm,
        formData({ ...valid, titleEn: "", summaryEn: "short", inForceUntil: "2024-12-31", status: "whatever" }),
      );
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.errors).toEqual({
        titleEn: { key: "validation.required" },
        summaryEn: { key: "validation.tooShort", values: { min: 10 } },
        status: { key: "validation.invalidChoice" },
        inForceUntil: { key: "agreements.untilBeforeFrom" },
      });
      expect(result.values.titleEn ?? "").toBe("");
      expect(result.values.inForceUntil).toBe("2024-12-31");
      const renewal = checkForm(newAgreementForm, formData({ ...valid, kind: "renewal" }));
      expect(renewal.success).toBe(false);
      if (!renewal.success) expect(renewal.errors.parentId).toEqual({ key: "agreements.renewalNeedsParent" });
    });

    it("creates and edits an agreement with audit rows; a stale edit is a conflict", async () => {
      const parsed = checkForm(
        newAgreementForm,
        formData({ ...valid, parentId: String(renewalId), signatoryIds: ["1", "2"] }),
      );
      if (!parsed.success) expect.fail(JSON.stringify(parsed.errors));
      const created = await createAgreement(test.db, editor, {
        ...agreementInput(parsed.data),
        partnershipId: parsed.data.partnershipId,
      });
      expect(created).toMatchObject({ slug: "joint-work-plan-2025", version: 1, parentId: renewalId });
      const loaded = (await getAgreementForEdit(test.db, created.id))!;
      expect(loaded.signatoryIds).toEqual([1, 2]);

      const edit = checkForm(
        editAgreementForm,
        formData({
          ...valid,
          titleEn: "Joint work plan 2025 (revised)",
          version: "1",
          parentId: String(renewalId),
          signatoryIds: "2",
        }),
      );
      if (!edit.success) expect.fail(JSON.stringify(edit.errors));
      const updated = (await updateAgreement(test.db, editor, {
        ...agreementInput(edit.data),
        id: created.id,
        version: 1,
      }))!;
      expect(updated).toMatchObject({ version: 2, signatoryIds: [2], title: { en: "Joint work plan 2025 (revised)" } });

      const stale = await updateAgreement(test.db, editor, {
        ...agreementInput(edit.data),
        title: { en: "Overwrite" },
        id: created.id,
        version: 1,
      }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError).current).toMatchObject({
        version: 2,
        title: { en: "Joint work plan 2025 (revised)" },
      });
      const [row] = await test.db.select().from(t.agreements).where(eq(t.agreements.id, created.id));
      expect(row).toMatchObject({ version: 2, title: { en: "Joint work plan 2025 (revised)" } });

      const audit = await auditRows("agreement", created.id);
      expect(audit.map((r) => r.action)).toEqual(["create", "update"]);
      expect(audit[1]!.actorId).toBe(editor.userId);
      expect(audit[1]!.before).toMatchObject({ version: 1, signatoryIds: [1, 2] });
      expect(audit[1]!.after).toMatchObject({ version: 2, signatoryIds: [2] });
    });

    it("refuses a parent that would make a cycle, or itself, and changes nothing", async () => {
      const mou = (await getAgreementForEdit(test.db, mouId))!;
      const asInput = (parentId: number): AgreementInput => ({
        kind: mou.kind,
        title: mou.title,
        summary: mou.summary,
        signedOn: mou.signedOn,
        signedCity: mou.signedCity,
        inForceFrom: mou.inForceFrom,
        inForceUntil: mou.inForceUntil,
        status: mou.status,
        parentId,
        signatoryIds: mou.signatoryIds,
      });
      // The action plan implements the renewal, which continues the MoU: the MoU cannot continue either.
      for (const parentId of [actionPlanId, renewalId, mouId]) {
        await expect(
          updateAgreement(test.db, editor, { ...asInput(parentId), id: mouId, version: mou.version }),
        ).rejects.toMatchObject({ field: "parentId", key: "agreements.parentCycle" });
      }
      const [row] = await test.db.select().from(t.agreements).where(eq(t.agreements.id, mouId));
      expect(row).toMatchObject({ parentId: null, version: mou.version });
      expect((await auditRows("agreement", mouId)).filter((r) => r.actorId === editor.userId)).toEqual([]);
    });

    it("refuses a parent from another partnership", async () => {
      const [other] = await test.db
        .insert(t.partnerships)
        .values({ slug: "other", name: { en: "Other" }, summary: { en: "Another partnership" } })
        .returning();
      const input = agreementInput(
        newAgreementForm.parse(
          Object.fromEntries(formData({ ...valid, titleEn: "Elsewhere", parentId: String(mouId) })),
        ) as never,
      );
      await expect(createAgreement(test.db, editor, { ...input, partnershipId: other!.id })).rejects.toMatchObject({
        field: "parentId",
        key: "agreements.parentOtherPartnership",
      });
      expect(
        await test.db
          .select()
          .from(t.agreements)
          .where(inArray(t.agreements.partnershipId, [other!.id])),
      ).toEqual([]);
    });
  });

  it("knows the calendar day in a time zone", () => {
    const instant = new Date("2025-03-01T20:00:00Z");
    expect(calendarToday("UTC", instant)).toBe("2025-03-01");
    expect(calendarToday("Asia/Jakarta", instant)).toBe("2025-03-02");
  });
});
