/**
 * Every change a model makes is audited in its own transaction, and every versioned change refuses
 * a stale version. This file calls each exported mutating model function once against the demo
 * content, and fails when a new mutating export appears that it does not know about.
 */
import { and, desc, eq, gt, inArray, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { getActivityForEdit } from "../../app/models/activity-queries.server";
import * as activityModel from "../../app/models/activity-writes.server";
import { getAgreementForEdit } from "../../app/models/agreement-edit.server";
import * as agreementModel from "../../app/models/agreement-writes.server";
import * as commitmentModel from "../../app/models/commitment-writes.server";
import { confirmCompletion, withdrawConfirmation } from "../../app/models/commitment-confirmations.server";
import { addEvidence } from "../../app/models/commitment-evidence.server";
import { focalPointCandidates, setFocalPoint } from "../../app/models/commitment-focal-points.server";
import { addMilestone, completeMilestone } from "../../app/models/commitment-milestones.server";
import { requestPasswordReset } from "../../app/models/password-reset.server";
import * as sessionModel from "../../app/models/session.server";
import { acceptInvitation, resetPassword } from "../../app/models/token-passwords.server";
import { updatePreferences } from "../../app/models/user-account.server";
import { addFollow, removeFollow } from "../../app/models/follows.server";
import { disableNotice, updateNoticePreferences } from "../../app/models/notice-preferences.server";
import { inviteUser, resendInvitation, revokeInvitation } from "../../app/models/invitations.server";
import { recordResendEvent } from "../../app/models/mail-events.server";
import { retryMail } from "../../app/models/mail-outbox.server";
import { addSuppression, removeSuppression } from "../../app/models/mail-suppressions.server";
import { resetCalendarKey } from "../../app/models/user-calendar.server";
import { changePassword, setPassword } from "../../app/models/user-passwords.server";
import * as userModel from "../../app/models/user.server";
import { ConflictError } from "../../app/models/errors.server";
import { detachDocument } from "../../app/models/attachments.server";
import { uploadDocument } from "../../app/models/documents.server";
import { citeSource, createSource, deleteSource, removeCitation } from "../../app/models/source-writes.server";
import { databaseStore } from "../../app/storage/document-store";
import { pdfBytes } from "../support/sample-files";
import { addEnquiry, createEnquiryActivity, setEnquiryStatus } from "../../app/models/enquiry-writes.server";
import { queueTestMail } from "../support/mail-outbox";
import { archiveCase, publishCase } from "../../app/models/case-publish.server";
import { publishCaseAs, restoreCaseAsDraft, submitCaseForReview } from "../../app/models/case-review.server";
import { createCase, updateCase } from "../../app/models/case-writes.server";
import { createCaseLink, deleteCaseLink, updateCaseLink } from "../../app/models/case-links-writes.server";
import {
  activityInput as baseActivityInput,
  caseInput,
  makePublishedCase,
  makeVisit,
} from "../support/model-factories";
import { issueBriefing } from "../../app/models/briefing-issue.server";
import { findVisitLink, issueVisitLink, revokeVisitLinks } from "../../app/models/visit-links.server";
import { createFollowUp, updateFollowUp } from "../../app/models/follow-up-writes.server";
import { saveDelegation } from "../../app/models/visit-members-writes.server";
import { saveItinerary } from "../../app/models/itinerary-writes.server";
import { createVisit, updateVisit } from "../../app/models/visit-writes.server";
import { saveVisitReport } from "../../app/models/visit-report.server";
import { visitAsFields } from "../../app/models/visit.server";
import { visitInput } from "../support/model-factories";
import { createOrganization, updateOrganization } from "../../app/models/organization-writes.server";
import { createPerson, updatePerson } from "../../app/models/people-writes.server";
import { assessmentInput, organizationInput, personInput } from "../support/model-factories";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { mergeOrganizations } from "../../app/models/organization-merge.server";
import { mergePeople } from "../../app/models/person-merge.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

/** Every model module, found on disk, so a new one cannot slip past the coverage check. */
const modules = import.meta.glob("../../app/models/*.server.ts", { eager: true }) as Record<
  string,
  Record<string, unknown>
>;

/** What a function that changes data is called here. Readers (get/list/find/…) never match. */
const mutating =
  /^(create|update|delete|remove|set|add|confirm|withdraw|complete|reset|record|hit|clear|release|store|end|lock|insert|upsert|save|archive|restore|publish|disable|enable|revoke|change|retry|invite|resend|accept|request|issue|consume|merge|assess)/;

/** Exercised below, each with its audit row checked. */
const audited = [
  "createActivity",
  "updateActivity",
  "deleteActivity",
  "createAgreement",
  "updateAgreement",
  "createCommitment",
  "updateCommitment",
  "assessCommitment",
  "addEvidence",
  "addMilestone",
  "completeMilestone",
  "setFocalPoint",
  "confirmCompletion",
  "withdrawConfirmation",
  "createUser",
  "updateUser",
  "resetCalendarKey",
  "updatePreferences",
  "addFollow",
  "removeFollow",
  "updateNoticePreferences",
  "disableNotice",
  "recordResendEvent",
  "addSuppression",
  "removeSuppression",
  "changePassword",
  "setPassword",
  "deleteUserSessions",
  "endAllSessions",
  "inviteUser",
  "resendInvitation",
  "revokeInvitation",
  "acceptInvitation",
  "requestPasswordReset",
  "resetPassword",
  "retryMail",
  "createSource",
  "removeCitation",
  "deleteSource",
  "addEnquiry",
  "setEnquiryStatus",
  "createEnquiryActivity",
  "createCase",
  "updateCase",
  "publishCase",
  "publishCaseAs",
  "archiveCase",
  "restoreCaseAsDraft",
  "createCaseLink",
  "updateCaseLink",
  "deleteCaseLink",
  "issueBriefing",
  "issueVisitLink",
  "revokeVisitLinks",
  "createFollowUp",
  "updateFollowUp",
  "saveDelegation",
  "saveItinerary",
  "createOrganization",
  "updateOrganization",
  "createPerson",
  "updatePerson",
  "mergePeople",
  "mergeOrganizations",
  "createVisit",
  "updateVisit",
  "saveVisitReport",
];

/** Not audited by design: sign-in bookkeeping, a step of another change, or no write at all. */
const exempt: Record<string, string> = {
  recordAudit: "writes the audit row itself",
  createSession: "sign-in bookkeeping",
  deleteSession: "sign-out bookkeeping",
  deleteExpiredSessions: "housekeeping",
  hitRateLimit: "sign-in rate-limit counter",
  clearRateLimit: "sign-in rate-limit counter",
  releaseRateLimit: "sign-in rate-limit counter",
  completeSignIn: "sign-in bookkeeping; the password rehash it may do writes its own audit row (sign-in.test.ts)",
  endSessionsOf: "a step inside a model's transaction (user.server.ts, session.server.ts); its callers audit",
  lockRow: "takes a row lock; writes nothing",
  saveVersion: "a step inside a model's transaction (app/models/versioned.server.ts); its callers audit",
  storedSecret: "creates the app's signing secret once, if SESSION_SECRET is unset; no record anyone edits",
  insertUser:
    "a step inside createUser's and inviteUser's transactions, writing their create row (covered through both)",
  issueToken: "a step inside inviteUser's, resendInvitation's and requestPasswordReset's transactions; they audit",
  consumeToken: "a step inside acceptInvitation's and resetPassword's transactions; they audit",
  revokeTokens:
    "a step inside resendInvitation's, requestPasswordReset's, acceptInvitation's and resetPassword's transactions; they audit",
  // Readers and pure helpers whose names merely look like writes.
  changedFields: "compares two audit states",
  changesSince: "reads the audit log",
  confirmationsFor: "reads who confirmed each commitment",
  addMonths: "date arithmetic",
  addDays: "date arithmetic",
  createEnquiry: "the write of addEnquiry once its rate limits pass (covered through it)",
  lockVisit: "takes a row lock; writes nothing",
  issueVisitLinkIn: "a step inside issueVisitLink's and issueBriefing's transactions, writing its own audit rows",
  saveVisitVersion:
    "a step inside updateVisit's, saveVisitReport's and markReportWritten's transactions, writing their row",
  changeActivity: "a step inside updateVisit's and saveVisitReport's transactions, through updateActivity (audited)",
};

describe("the audit coverage list", () => {
  it("names every exported mutating model function", () => {
    // Re-exports are the same function: count each function once, by name.
    const found = new Set(
      Object.values(modules).flatMap((mod) =>
        Object.entries(mod)
          .filter(([key, value]) => typeof value === "function" && mutating.test(key))
          .map(([key]) => key),
      ),
    );
    expect(Object.keys(modules).length).toBeGreaterThan(10);
    const unknown = [...found].filter((f) => !audited.includes(f) && !(f in exempt));
    expect(unknown, "mutating model functions this file does not cover").toEqual([]);
    // And nothing listed here has gone away or been renamed.
    for (const name of [...audited, ...Object.keys(exempt)]) expect([...found], name).toContain(name);
  });
});

type AuditRow = typeof t.auditLog.$inferSelect;

describe.each(drivers)("every change is audited and versioned on %s", (driver) => {
  let test: TestDatabase;
  let editor: { userId: number };
  let admin: { userId: number };
  let viewerId: number;
  let mouId: number;
  let planId: number;
  /** An activity id of the demo content; the activity tests update it. */
  let activityId: number;
  /** A commitment of the MoU; the commitment tests change it. */
  let commitmentId: number;
  let idPersonId: number;

  const db = () => test.db;

  async function lastAuditId() {
    const [row] = await db()
      .select({ id: max(t.auditLog.id) })
      .from(t.auditLog);
    return row?.id ?? 0;
  }

  async function auditSince(id: number): Promise<AuditRow[]> {
    return db().select().from(t.auditLog).where(gt(t.auditLog.id, id)).orderBy(t.auditLog.id);
  }

  /** Runs `change` and returns the audit rows it wrote. */
  async function audit(change: () => Promise<unknown>) {
    const mark = await lastAuditId();
    const result = await change();
    return { result, rows: await auditSince(mark) };
  }

  /** Runs a change that must fail; returns the error and checks that no audit row was written. */
  async function refused(change: () => Promise<unknown>) {
    const mark = await lastAuditId();
    const error = await change().then(
      () => null,
      (e: unknown) => e,
    );
    expect(await auditSince(mark), "a refused change writes no audit row").toEqual([]);
    return error;
  }

  function expectRow(
    rows: AuditRow[],
    want: {
      actor: { userId: number };
      action: string;
      entityType: string;
      entityId: number;
      before: boolean;
      after: boolean;
    },
  ) {
    expect(rows.length, `${want.entityType} ${want.action}: audit rows`).toBeGreaterThanOrEqual(1);
    const row = rows.find((r) => r.action === want.action && r.entityType === want.entityType);
    expect(
      row,
      `an audit row ${want.entityType}/${want.action} among ${rows.map((r) => `${r.entityType}/${r.action}`)}`,
    ).toBeTruthy();
    expect(row!.actorId).toBe(want.actor.userId);
    expect(row!.actorLabel).toBeNull();
    expect(row!.entityId).toBe(String(want.entityId));
    if (want.before) expect(row!.before, `${want.action}: before`).not.toBeNull();
    else expect(row!.before, `${want.action}: no before`).toBeNull();
    if (want.after) expect(row!.after, `${want.action}: after`).not.toBeNull();
    else expect(row!.after, `${want.action}: no after`).toBeNull();
    return row!;
  }

  /** An actor whose audit row cannot be written (no such user): the whole change must roll back. */
  const ghost = { userId: 2_000_000_000 };

  async function row<T extends typeof t.activities | typeof t.agreements | typeof t.commitments | typeof t.users>(
    table: T,
    id: number,
  ) {
    const [found] = await db()
      .select()
      .from(table as typeof t.activities)
      .where(eq((table as typeof t.activities).id, id));
    return found as unknown as Record<string, unknown> & { version: number };
  }

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: true });
    const users = await db().select().from(t.users);
    const byEmail = (email: string) => users.find((u) => u.email === email)!.id;
    editor = { userId: byEmail("editor@example.org") };
    admin = { userId: byEmail("admin@example.org") };
    viewerId = byEmail("viewer@example.org");
    const agreements = await db().select().from(t.agreements);
    mouId = agreements.find((a) => a.slug === "mou-2017")!.id;
    planId = agreements.find((a) => a.slug === "action-plan-2024-2026")!.id;
    const [activity] = await db().select().from(t.activities).orderBy(desc(t.activities.startsAt)).limit(1);
    activityId = activity!.id;
    const [commitment] = await db()
      .select()
      .from(t.commitments)
      .where(eq(t.commitments.agreementId, mouId))
      .orderBy(t.commitments.position)
      .limit(1);
    commitmentId = commitment!.id;
    const [candidate] = await focalPointCandidates(db(), ["ID"]);
    idPersonId = candidate!.id;
  });
  afterAll(() => test?.close());

  // --- activities ---------------------------------------------------------------------------

  const activityInput = (title: string) =>
    baseActivityInput({ title: { en: title }, agreementId: planId, commitmentIds: [commitmentId] });

  it("createActivity: one audit row with the new activity", async () => {
    const { result, rows } = await audit(() =>
      activityModel.createActivity(db(), editor, activityInput("Audit coverage meeting")),
    );
    const created = result as { id: number; version: number };
    expect(created.version).toBe(1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "create",
      entityType: "activity",
      entityId: created.id,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ title: { en: "Audit coverage meeting" }, commitmentIds: [commitmentId] });

    // The audit row and the insert stand or fall together.
    const count = (await db().select().from(t.activities)).length;
    expect(await refused(() => activityModel.createActivity(db(), ghost, activityInput("Never saved")))).toBeTruthy();
    expect((await db().select().from(t.activities)).length).toBe(count);
  });

  it("updateActivity: audit row with before and after, version bumped; a stale version is a conflict", async () => {
    const edit = (await getActivityForEdit(db(), activityId))!;
    const next = { ...edit.input, title: { ...edit.input.title, en: `${edit.input.title.en} (audited)` } };
    const { result, rows } = await audit(() =>
      activityModel.updateActivity(db(), editor, { ...next, id: activityId, version: edit.version }),
    );
    expect((result as { version: number }).version).toBe(edit.version + 1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "update",
      entityType: "activity",
      entityId: activityId,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ title: edit.input.title, version: edit.version });
    expect(entry.after).toMatchObject({ title: next.title, version: edit.version + 1 });

    const saved = await row(t.activities, activityId);
    const stale = await refused(() =>
      activityModel.updateActivity(db(), editor, {
        ...next,
        title: { en: "Stale overwrite" },
        id: activityId,
        version: edit.version,
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.activities, activityId)).toEqual(saved);

    // A failing audit write undoes the update and its link changes.
    const links = await db()
      .select()
      .from(t.activityCommitments)
      .where(eq(t.activityCommitments.activityId, activityId));
    await refused(() =>
      activityModel.updateActivity(db(), ghost, {
        ...next,
        title: { en: "Ghost" },
        commitmentIds: [],
        id: activityId,
        version: saved.version,
      }),
    );
    expect(await row(t.activities, activityId)).toEqual(saved);
    expect(
      await db().select().from(t.activityCommitments).where(eq(t.activityCommitments.activityId, activityId)),
    ).toEqual(links);
  });

  it("deleteActivity: audit row with what was deleted; a stale version is a conflict and deletes nothing", async () => {
    const created = await activityModel.createActivity(db(), editor, activityInput("To be deleted"));
    const stale = await refused(() =>
      activityModel.deleteActivity(db(), editor, { id: created.id, version: created.version + 1 }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.activities, created.id)).toBeTruthy();
    await refused(() => activityModel.deleteActivity(db(), ghost, { id: created.id, version: created.version }));
    expect(await row(t.activities, created.id)).toBeTruthy();

    const { result, rows } = await audit(() =>
      activityModel.deleteActivity(db(), editor, { id: created.id, version: created.version }),
    );
    expect(result).toBe(true);
    const entry = expectRow(rows, {
      actor: editor,
      action: "delete",
      entityType: "activity",
      entityId: created.id,
      before: true,
      after: false,
    });
    expect(entry.before).toMatchObject({ title: { en: "To be deleted" } });
    expect(await row(t.activities, created.id)).toBeUndefined();
  });

  // --- agreements ---------------------------------------------------------------------------

  function agreementInput(title: string): agreementModel.AgreementInput {
    return {
      kind: "action_plan",
      title: { en: title },
      summary: { en: "A plan written by the audit coverage test." },
      signedOn: null,
      signedCity: null,
      inForceFrom: "2026-01-01",
      inForceUntil: "2027-12-31",
      status: "draft",
      parentId: mouId,
      signatoryIds: [],
    };
  }

  it("createAgreement: one audit row with the new agreement", async () => {
    const [mou] = await db().select().from(t.agreements).where(eq(t.agreements.id, mouId));
    const { result, rows } = await audit(() =>
      agreementModel.createAgreement(db(), editor, {
        ...agreementInput("Audit coverage plan"),
        partnershipId: mou!.partnershipId,
      }),
    );
    const created = result as { id: number; version: number };
    expect(created.version).toBe(1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "create",
      entityType: "agreement",
      entityId: created.id,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ title: { en: "Audit coverage plan" }, signatoryIds: [] });

    const count = (await db().select().from(t.agreements)).length;
    await refused(() =>
      agreementModel.createAgreement(db(), ghost, {
        ...agreementInput("Never saved"),
        partnershipId: mou!.partnershipId,
      }),
    );
    expect((await db().select().from(t.agreements)).length).toBe(count);
  });

  it("updateAgreement: audit row with before and after, version bumped; a stale version is a conflict", async () => {
    const edit = (await getAgreementForEdit(db(), planId))!;
    const change = {
      kind: edit.kind,
      title: { ...edit.title, en: `${edit.title.en} (audited)` },
      summary: edit.summary,
      signedOn: edit.signedOn,
      signedCity: edit.signedCity,
      inForceFrom: edit.inForceFrom,
      inForceUntil: edit.inForceUntil,
      status: edit.status,
      parentId: edit.parentId,
      signatoryIds: edit.signatoryIds,
    };
    const { result, rows } = await audit(() =>
      agreementModel.updateAgreement(db(), editor, { ...change, id: planId, version: edit.version }),
    );
    expect((result as { version: number }).version).toBe(edit.version + 1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "update",
      entityType: "agreement",
      entityId: planId,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ title: edit.title, version: edit.version });
    expect(entry.after).toMatchObject({ title: change.title, version: edit.version + 1 });

    const saved = await row(t.agreements, planId);
    const stale = await refused(() =>
      agreementModel.updateAgreement(db(), editor, {
        ...change,
        title: { en: "Stale overwrite" },
        id: planId,
        version: edit.version,
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.agreements, planId)).toEqual(saved);

    await refused(() =>
      agreementModel.updateAgreement(db(), ghost, {
        ...change,
        title: { en: "Ghost" },
        id: planId,
        version: saved.version,
      }),
    );
    expect(await row(t.agreements, planId)).toEqual(saved);
  });

  // --- commitments --------------------------------------------------------------------------

  const commitmentInput = (text: string): commitmentModel.CommitmentInput => ({
    text: { en: text },
    area: "audit",
    responsibleOrganizationId: null,
    dueOn: "2026-06-30",
  });

  it("createCommitment: one audit row with the new commitment", async () => {
    const { result, rows } = await audit(() =>
      commitmentModel.createCommitment(db(), editor, mouId, commitmentInput("Audit every change")),
    );
    const created = result as { id: number; version: number };
    expect(created.version).toBe(1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "create",
      entityType: "commitment",
      entityId: created.id,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ text: { en: "Audit every change" }, agreementId: mouId });

    const count = (await db().select().from(t.commitments)).length;
    await refused(() => commitmentModel.createCommitment(db(), ghost, mouId, commitmentInput("Never saved")));
    expect((await db().select().from(t.commitments)).length).toBe(count);
  });

  it("updateCommitment: audit row with before and after, version bumped; a stale version is a conflict", async () => {
    const before = (await row(t.commitments, commitmentId)) as unknown as t.Commitment;
    const change = {
      text: { ...before.text, en: `${before.text.en} (audited)` },
      area: before.area,
      responsibleOrganizationId: before.responsibleOrganizationId,
      dueOn: before.dueOn,
    };
    const { result, rows } = await audit(() =>
      commitmentModel.updateCommitment(db(), editor, { ...change, id: commitmentId, version: before.version }),
    );
    expect((result as { version: number }).version).toBe(before.version + 1);
    const entry = expectRow(rows, {
      actor: editor,
      action: "update",
      entityType: "commitment",
      entityId: commitmentId,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ text: before.text, version: before.version });
    expect(entry.after).toMatchObject({ text: change.text, version: before.version + 1 });

    const saved = await row(t.commitments, commitmentId);
    const stale = await refused(() =>
      commitmentModel.updateCommitment(db(), editor, {
        ...change,
        text: { en: "Stale overwrite" },
        id: commitmentId,
        version: before.version,
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.commitments, commitmentId)).toEqual(saved);

    await refused(() =>
      commitmentModel.updateCommitment(db(), ghost, {
        ...change,
        text: { en: "Ghost" },
        id: commitmentId,
        version: saved.version,
      }),
    );
    expect(await row(t.commitments, commitmentId)).toEqual(saved);
  });

  it("addEvidence: audit row with the evidence", async () => {
    const { result, rows } = await audit(() =>
      addEvidence(db(), editor, {
        commitmentId,
        url: "https://example.org/report.pdf",
        note: "Final report",
      }),
    );
    const evidence = result as { id: number };
    const entry = expectRow(rows, {
      actor: editor,
      action: "add_evidence",
      entityType: "commitment",
      entityId: commitmentId,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ id: evidence.id, url: "https://example.org/report.pdf", note: "Final report" });

    const count = (await db().select().from(t.commitmentEvidence)).length;
    await refused(() => addEvidence(db(), ghost, { commitmentId, note: "Never saved" }));
    expect((await db().select().from(t.commitmentEvidence)).length).toBe(count);
  });

  it("assessCommitment: audit row with before and after and the assessment, version bumped; a stale version is a conflict", async () => {
    const before = await row(t.commitments, commitmentId);
    const { result, rows } = await audit(() =>
      assessCommitment(db(), editor, commitmentId, before.version, assessmentInput("complete")),
    );
    expect(result).toMatchObject({ status: "complete", version: before.version + 1 });
    const entry = expectRow(rows, {
      actor: editor,
      action: "assess",
      entityType: "commitment",
      entityId: commitmentId,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ status: before.status, version: before.version });
    expect(entry.after).toMatchObject({
      status: "complete",
      version: before.version + 1,
      assessment: { status: "complete", assessedBy: editor.userId },
    });

    const saved = await row(t.commitments, commitmentId);
    const assessments = () =>
      db().select().from(t.commitmentAssessments).where(eq(t.commitmentAssessments.commitmentId, commitmentId));
    const recorded = (await assessments()).length;
    const stale = await refused(() =>
      assessCommitment(db(), editor, commitmentId, before.version, assessmentInput("limited")),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.commitments, commitmentId)).toEqual(saved);

    await refused(() => assessCommitment(db(), ghost, commitmentId, saved.version, assessmentInput("limited")));
    expect(await row(t.commitments, commitmentId)).toEqual(saved);
    expect(await assessments()).toHaveLength(recorded);
  });

  it("confirmCompletion: audit row with the confirmation; a stale version is a conflict", async () => {
    const current = await row(t.commitments, commitmentId);
    const stale = await refused(() =>
      confirmCompletion(db(), editor, { commitmentId, version: current.version - 1, countryCode: "ID" }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    const confirmations = () =>
      db().select().from(t.commitmentConfirmations).where(eq(t.commitmentConfirmations.commitmentId, commitmentId));
    expect(await confirmations()).toEqual([]);
    await refused(() => confirmCompletion(db(), ghost, { commitmentId, version: current.version, countryCode: "ID" }));
    expect(await confirmations()).toEqual([]);

    const { rows } = await audit(() =>
      confirmCompletion(db(), editor, { commitmentId, version: current.version, countryCode: "ID" }),
    );
    const entry = expectRow(rows, {
      actor: editor,
      action: "confirm",
      entityType: "commitment",
      entityId: commitmentId,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ countryCode: "ID", confirmedBy: editor.userId });
    expect(await confirmations()).toHaveLength(1);
  });

  it("withdrawConfirmation: audit row with the withdrawn confirmation", async () => {
    const confirmations = () =>
      db().select().from(t.commitmentConfirmations).where(eq(t.commitmentConfirmations.commitmentId, commitmentId));
    await refused(() => withdrawConfirmation(db(), ghost, { commitmentId, countryCode: "ID" }));
    expect(await confirmations()).toHaveLength(1);
    const { rows } = await audit(() => withdrawConfirmation(db(), editor, { commitmentId, countryCode: "ID" }));
    const entry = expectRow(rows, {
      actor: editor,
      action: "withdraw_confirmation",
      entityType: "commitment",
      entityId: commitmentId,
      before: true,
      after: false,
    });
    expect(entry.before).toMatchObject({ countryCode: "ID" });
    expect(await confirmations()).toEqual([]);
  });

  it("addMilestone and completeMilestone: an audit row each", async () => {
    const added = await audit(() =>
      addMilestone(db(), editor, {
        commitmentId,
        title: { en: "Draft the audit report" },
        dueOn: "2026-03-31",
      }),
    );
    const milestone = added.result as { id: number };
    const entry = expectRow(added.rows, {
      actor: editor,
      action: "add_milestone",
      entityType: "commitment",
      entityId: commitmentId,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ id: milestone.id, title: { en: "Draft the audit report" } });

    const milestones = () =>
      db().select().from(t.commitmentMilestones).where(eq(t.commitmentMilestones.id, milestone.id));
    await refused(() =>
      completeMilestone(db(), ghost, {
        commitmentId,
        milestoneId: milestone.id,
        completedOn: "2026-01-15",
      }),
    );
    expect((await milestones())[0]!.completedOn).toBeNull();

    const done = await audit(() =>
      completeMilestone(db(), editor, {
        commitmentId,
        milestoneId: milestone.id,
        completedOn: "2026-01-15",
      }),
    );
    const doneEntry = expectRow(done.rows, {
      actor: editor,
      action: "complete_milestone",
      entityType: "commitment",
      entityId: commitmentId,
      before: true,
      after: true,
    });
    expect(doneEntry.before).toMatchObject({ completedOn: null });
    expect(doneEntry.after).toMatchObject({ completedOn: "2026-01-15" });
  });

  it("setFocalPoint: an audit row for naming and for removing a focal point", async () => {
    const focal = () =>
      db()
        .select()
        .from(t.commitmentFocalPoints)
        .where(
          and(eq(t.commitmentFocalPoints.commitmentId, commitmentId), eq(t.commitmentFocalPoints.countryCode, "ID")),
        );
    const start = await focal();
    await refused(() => setFocalPoint(db(), ghost, { commitmentId, countryCode: "ID", personId: null }));
    if (start.length) {
      expect(await focal()).toEqual(start);
      // Clear it first, so the naming below is a change.
      await setFocalPoint(db(), editor, { commitmentId, countryCode: "ID", personId: null });
    }
    await refused(() => setFocalPoint(db(), ghost, { commitmentId, countryCode: "ID", personId: idPersonId }));
    expect(await focal()).toEqual([]);

    const named = await audit(() =>
      setFocalPoint(db(), editor, { commitmentId, countryCode: "ID", personId: idPersonId }),
    );
    const entry = expectRow(named.rows, {
      actor: editor,
      action: "set_focal_point",
      entityType: "commitment",
      entityId: commitmentId,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ personId: idPersonId, countryCode: "ID" });

    // An editor who still saw no focal point does not silently replace the one just named.
    const stale = await refused(() =>
      setFocalPoint(db(), editor, {
        commitmentId,
        countryCode: "ID",
        personId: null,
        previousPersonId: null,
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await focal())[0]?.personId).toBe(idPersonId);

    const removed = await audit(() => setFocalPoint(db(), editor, { commitmentId, countryCode: "ID", personId: null }));
    const removedEntry = expectRow(removed.rows, {
      actor: editor,
      action: "set_focal_point",
      entityType: "commitment",
      entityId: commitmentId,
      before: true,
      after: false,
    });
    expect(removedEntry.before).toMatchObject({ personId: idPersonId });
  });

  // --- users --------------------------------------------------------------------------------

  /** Secrets never reach the audit log. */
  function expectNoSecrets(rows: AuditRow[]) {
    const text = JSON.stringify(rows.map((r) => [r.before, r.after]));
    expect(text).not.toMatch(/scrypt\$/);
    expect(text).not.toMatch(/passwordHash|calendarKey/);
  }

  it("createUser: audit row with the new user, without the password hash", async () => {
    const { result, rows } = await audit(() =>
      userModel.createUser(db(), admin, {
        email: "audit-coverage@example.org",
        name: "Audit Coverage",
        role: "viewer",
        password: "a long enough password",
      }),
    );
    const created = result as { id: number };
    expectRow(rows, {
      actor: admin,
      action: "create",
      entityType: "user",
      entityId: created.id,
      before: false,
      after: true,
    });
    expectNoSecrets(rows);

    await refused(() =>
      userModel.createUser(db(), ghost, {
        email: "never-saved@example.org",
        name: "Never",
        role: "admin",
        password: "a long enough password",
      }),
    );
    expect(await db().select().from(t.users).where(eq(t.users.email, "never-saved@example.org"))).toEqual([]);
  });

  it("updateUser: audit row with before and after, version bumped; a stale version is a conflict", async () => {
    const [user] = await db().select().from(t.users).where(eq(t.users.email, "audit-coverage@example.org"));
    const { result, rows } = await audit(() =>
      userModel.updateUser(db(), admin, { id: user!.id, version: user!.version, role: "editor" }),
    );
    expect(result).toMatchObject({ role: "editor", version: user!.version + 1 });
    const entry = expectRow(rows, {
      actor: admin,
      action: "update",
      entityType: "user",
      entityId: user!.id,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ role: "viewer" });
    expect(entry.after).toMatchObject({ role: "editor" });
    expectNoSecrets(rows);

    const saved = await row(t.users, user!.id);
    const stale = await refused(() =>
      userModel.updateUser(db(), admin, { id: user!.id, version: user!.version, role: "admin" }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.users, user!.id)).toEqual(saved);

    // Disabling ends the user's sessions: a failed audit write must keep them too.
    await sessionModel.createSession(db(), user!.id, {});
    await refused(() => userModel.updateUser(db(), ghost, { id: user!.id, version: saved.version, disabled: true }));
    expect(await row(t.users, user!.id)).toEqual(saved);
    expect(await db().select().from(t.sessions).where(eq(t.sessions.userId, user!.id))).toHaveLength(1);
  });

  it("resetCalendarKey: audit row without the key, version bumped", async () => {
    const before = await row(t.users, viewerId);
    const { result, rows } = await audit(() => resetCalendarKey(db(), { userId: viewerId }, viewerId));
    expect(result).toMatchObject({ version: before.version + 1 });
    expect((result as { calendarKey: string }).calendarKey).not.toBe(before.calendarKey);
    expectRow(rows, {
      actor: { userId: viewerId },
      action: "reset_calendar_key",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    expectNoSecrets(rows);
    expect(JSON.stringify(rows)).not.toContain(String(before.calendarKey));

    const saved = await row(t.users, viewerId);
    await refused(() => resetCalendarKey(db(), ghost, viewerId));
    expect(await row(t.users, viewerId)).toEqual(saved);
  });

  it("updatePreferences: audit row with before and after, version bumped; a stale version is a conflict", async () => {
    const before = await row(t.users, viewerId);
    const { result, rows } = await audit(() =>
      updatePreferences(
        db(),
        { userId: viewerId },
        { id: viewerId, version: before.version, timeZone: "Asia/Makassar", locale: "id" },
      ),
    );
    expect(result).toMatchObject({ timeZone: "Asia/Makassar", locale: "id", version: before.version + 1 });
    const entry = expectRow(rows, {
      actor: { userId: viewerId },
      action: "update",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ timeZone: before.timeZone });
    expect(entry.after).toMatchObject({ timeZone: "Asia/Makassar", locale: "id" });
    expectNoSecrets(rows);

    const saved = await row(t.users, viewerId);
    const stale = await refused(() =>
      updatePreferences(
        db(),
        { userId: viewerId },
        { id: viewerId, version: before.version, timeZone: "UTC", locale: null },
      ),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.users, viewerId)).toEqual(saved);
  });

  it("changePassword: audit row without any hash, version bumped; a wrong current password changes nothing", async () => {
    const before = await row(t.users, viewerId);
    const change = { userId: viewerId, currentPassword: "jembatan-demo", newPassword: "a changed password" };
    const { result, rows } = await audit(() => changePassword(db(), { userId: viewerId }, change));
    expect(result).toBe(true);
    expect(await row(t.users, viewerId)).toMatchObject({ version: before.version + 1 });
    expectRow(rows, {
      actor: { userId: viewerId },
      action: "change_password",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    expectNoSecrets(rows);

    const saved = await row(t.users, viewerId);
    await refused(() => changePassword(db(), { userId: viewerId }, { ...change, currentPassword: "jembatan-demo" }));
    await refused(() => changePassword(db(), ghost, { ...change, currentPassword: "a changed password" }));
    expect(await row(t.users, viewerId)).toEqual(saved);
  });

  it("setPassword: audit row without any hash, sessions ended, version bumped; a stale version is a conflict", async () => {
    const before = await row(t.users, viewerId);
    await sessionModel.createSession(db(), viewerId, {});
    const { result, rows } = await audit(() =>
      setPassword(db(), admin, { id: viewerId, version: before.version, password: "set by the admin" }),
    );
    expect(result).toMatchObject({ version: before.version + 1 });
    expectRow(rows, {
      actor: admin,
      action: "set_password",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    expectNoSecrets(rows);
    expect(await db().select().from(t.sessions).where(eq(t.sessions.userId, viewerId))).toEqual([]);

    const saved = await row(t.users, viewerId);
    const stale = await refused(() =>
      setPassword(db(), admin, { id: viewerId, version: before.version, password: "set by the admin again" }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await row(t.users, viewerId)).toEqual(saved);
  });

  it("deleteUserSessions: ending every session of a user is audited", async () => {
    await sessionModel.createSession(db(), viewerId, {});
    const { rows } = await audit(() => sessionModel.deleteUserSessions(db(), { userId: viewerId }, viewerId));
    expect(rows.some((r) => r.entityType === "user" && r.entityId === String(viewerId))).toBe(true);
    expect(
      await db()
        .select()
        .from(t.sessions)
        .where(inArray(t.sessions.userId, [viewerId])),
    ).toEqual([]);
  });

  it("endAllSessions: ending every session (a restore does) is audited", async () => {
    await sessionModel.createSession(db(), viewerId, {});
    const { rows } = await audit(() => sessionModel.endAllSessions(db(), { label: "cli" }, "restored from a backup"));
    expect(rows.some((r) => r.entityType === "database" && r.action === "end_sessions")).toBe(true);
    expect(await db().select().from(t.sessions)).toEqual([]);
  });

  it("addFollow and removeFollow: an audit row each on the user; following twice writes nothing", async () => {
    const target = { subjectType: "agreement" as const, subjectId: mouId };
    const follow = await audit(() => addFollow(db(), { userId: viewerId }, target));
    expectRow(follow.rows, {
      actor: { userId: viewerId },
      action: "follow",
      entityType: "user",
      entityId: viewerId,
      before: false,
      after: true,
    });
    expect((await audit(() => addFollow(db(), { userId: viewerId }, target))).rows).toEqual([]);
    await refused(() => addFollow(db(), ghost, target));
    const unfollow = await audit(() => removeFollow(db(), { userId: viewerId }, target));
    expectRow(unfollow.rows, {
      actor: { userId: viewerId },
      action: "unfollow",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: false,
    });
  });

  it("updateNoticePreferences and disableNotice: audit rows, version bumped; a stale version is a conflict", async () => {
    const before = await row(t.users, viewerId);
    const prefs = { remindActivities: false, remindCommitments: true, weeklyDigest: true, remindFollowUps: true };
    const { result, rows } = await audit(() =>
      updateNoticePreferences(db(), { userId: viewerId }, { id: viewerId, version: before.version, ...prefs }),
    );
    expect(result).toMatchObject({ ...prefs, version: before.version + 1 });
    const entry = expectRow(rows, {
      actor: { userId: viewerId },
      action: "update_notices",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    // A preference the form left out (library requests: editors' and admins' only) keeps its value.
    expect(entry.after).toEqual({ ...prefs, notifyEnquiries: true });
    const stale = await refused(() =>
      updateNoticePreferences(db(), { userId: viewerId }, { id: viewerId, version: before.version, ...prefs }),
    );
    expect(stale).toBeInstanceOf(ConflictError);

    const off = await audit(() => disableNotice(db(), { userId: viewerId }, viewerId, "digest"));
    expectRow(off.rows, {
      actor: { userId: viewerId },
      action: "unsubscribe",
      entityType: "user",
      entityId: viewerId,
      before: true,
      after: true,
    });
    expect(await row(t.users, viewerId)).toMatchObject({ weeklyDigest: false, version: before.version + 2 });
    await refused(() => disableNotice(db(), ghost, viewerId, "commitments"));
    expect(await row(t.users, viewerId)).toMatchObject({ remindCommitments: true });
  });

  it("recordResendEvent, addSuppression and removeSuppression: audit rows on the address; a redelivery and a stale lift write none", async () => {
    const address = "audit-bounce@example.org";
    const suppression = { actorId: null, actorLabel: "system", entityType: "mail_suppression", entityId: address };
    const event = { type: "email.bounced", data: { to: [address] } };
    const bounced = await audit(() => recordResendEvent(db(), "msg_audit_coverage", event));
    expect(bounced.rows).toMatchObject([{ ...suppression, action: "create", before: null }]);
    expect((await audit(() => recordResendEvent(db(), "msg_audit_coverage", event))).rows).toEqual([]);

    const byAdmin = { ...suppression, actorId: admin.userId, actorLabel: null };
    const complained = await audit(() => db().transaction((tx) => addSuppression(tx, admin, address, "complained")));
    expect(complained.rows).toMatchObject([{ ...byAdmin, action: "update", after: { reason: "complained" } }]);
    const [current] = await db().select().from(t.mailSuppressions).where(eq(t.mailSuppressions.address, address));
    const since = current!.createdAt;
    const stale = await refused(() =>
      removeSuppression(db(), admin, { address, since: new Date(since.getTime() + 1) }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    const lifted = await audit(() => removeSuppression(db(), admin, { address, since }));
    expect(lifted.rows).toMatchObject([{ ...byAdmin, action: "delete", after: null }]);
  });

  // --- invitations and password reset -------------------------------------------------------

  const origin = "https://jembatan.example.org";
  const inviter = () => ({ userId: admin.userId, name: "Admin" });

  /** The raw token of the newest link to `path` queued for `userId`: only the email holds it. */
  async function emailedToken(userId: number, path: "/invitation" | "/reset-password") {
    const [mail] = await db()
      .select({ text: t.mailOutbox.text })
      .from(t.mailOutbox)
      .where(eq(t.mailOutbox.userId, userId))
      .orderBy(desc(t.mailOutbox.id))
      .limit(1);
    const found = new RegExp(`${origin}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail?.text ?? "");
    if (!found) throw new Error(`no ${path} link queued for user ${userId}`);
    return found[1]!;
  }

  const invitee = (email: string) => ({
    email,
    name: "Audit Invitee",
    role: "viewer" as const,
    language: "en" as const,
  });
  const userByEmail = async (email: string) => (await db().select().from(t.users).where(eq(t.users.email, email)))[0];

  it("inviteUser: audit rows for the account and the invitation; a failed audit write leaves neither", async () => {
    const { result, rows } = await audit(() =>
      inviteUser(db(), inviter(), invitee("audit-invitee@example.org"), origin),
    );
    const user = result as { id: number };
    expectRow(rows, {
      actor: admin,
      action: "create",
      entityType: "user",
      entityId: user.id,
      before: false,
      after: true,
    });
    const entry = expectRow(rows, {
      actor: admin,
      action: "invite",
      entityType: "user",
      entityId: user.id,
      before: false,
      after: true,
    });
    expect(entry.after).toMatchObject({ language: "en" });
    expectNoSecrets(rows);

    const outbox = (await db().select().from(t.mailOutbox)).length;
    await refused(() => inviteUser(db(), { ...ghost, name: "Ghost" }, invitee("audit-ghost@example.org"), origin));
    expect(await userByEmail("audit-ghost@example.org")).toBeUndefined();
    expect((await db().select().from(t.mailOutbox)).length).toBe(outbox);
  });

  it("resendInvitation: audit row with the links it revoked; a stale version is a conflict", async () => {
    const user = (await userByEmail("audit-invitee@example.org"))!;
    const first = await emailedToken(user.id, "/invitation");
    const { rows } = await audit(() => resendInvitation(db(), inviter(), user, origin));
    const entry = expectRow(rows, {
      actor: admin,
      action: "resend_invitation",
      entityType: "user",
      entityId: user.id,
      before: true,
      after: true,
    });
    // revokeTokens' write is audited here, as the count of links it stopped.
    expect(entry.before).toEqual({ openInvitations: 1 });
    expect(await emailedToken(user.id, "/invitation")).not.toBe(first);

    const tokens = await db().select().from(t.userTokens).where(eq(t.userTokens.userId, user.id));
    await refused(() => resendInvitation(db(), { ...ghost, name: "Ghost" }, user, origin));
    expect(await db().select().from(t.userTokens).where(eq(t.userTokens.userId, user.id))).toEqual(tokens);
    const stale = await refused(() =>
      resendInvitation(db(), inviter(), { id: user.id, version: user.version - 1 }, origin),
    );
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it("revokeInvitation: audit row with the account it removed; a failed audit write keeps it", async () => {
    const user = (await inviteUser(db(), inviter(), invitee("audit-withdrawn@example.org"), origin))!;
    await refused(() => revokeInvitation(db(), { ...ghost, name: "Ghost" }, user));
    expect(await userByEmail("audit-withdrawn@example.org")).toEqual(user);
    const stale = await refused(() => revokeInvitation(db(), inviter(), { id: user.id, version: user.version + 1 }));
    expect(stale).toBeInstanceOf(ConflictError);

    const { result, rows } = await audit(() => revokeInvitation(db(), inviter(), user));
    expect(result).toMatchObject({ id: user.id });
    const entry = expectRow(rows, {
      actor: admin,
      action: "revoke_invitation",
      entityType: "user",
      entityId: user.id,
      before: true,
      after: false,
    });
    expect(entry.before).toMatchObject({ email: "audit-withdrawn@example.org" });
    expectNoSecrets(rows);
    expect(await userByEmail("audit-withdrawn@example.org")).toBeUndefined();
  });

  const newPassword = (token: string) => ({
    token,
    password: "a password chosen through a link",
    previousToken: null,
    meta: {},
  });

  it("acceptInvitation: audit row by the invitee without any hash, version bumped; the link works once", async () => {
    const user = (await userByEmail("audit-invitee@example.org"))!;
    const token = await emailedToken(user.id, "/invitation");
    const { result, rows } = await audit(() => acceptInvitation(db(), newPassword(token)));
    expect(result).toMatchObject({ token: expect.any(String) });
    const entry = expectRow(rows, {
      actor: { userId: user.id },
      action: "accept_invitation",
      entityType: "user",
      entityId: user.id,
      before: true,
      after: true,
    });
    expect(entry.after).toMatchObject({ version: user.version + 1, sessions: 0 });
    expectNoSecrets(rows);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await refused(() => acceptInvitation(db(), newPassword(token)))).toBeNull();
    expect(await row(t.users, user.id)).toMatchObject({ version: user.version + 1 });
  });

  it("requestPasswordReset and resetPassword: the system's row for the link, the user's for the new password", async () => {
    const user = (await userByEmail("audit-invitee@example.org"))!;
    const asked = await audit(() =>
      requestPasswordReset(db(), { email: "audit-invitee@example.org", origin, language: "en" }),
    );
    expect(asked.rows).toMatchObject([
      {
        actorId: null,
        actorLabel: "system",
        action: "request_password_reset",
        entityType: "user",
        entityId: String(user.id),
      },
    ]);
    // An address without an account: nothing written, nothing audited.
    await refused(() => requestPasswordReset(db(), { email: "nobody-audited@example.org", origin, language: "en" }));

    const token = await emailedToken(user.id, "/reset-password");
    await sessionModel.createSession(db(), user.id, {});
    const mail = { origin, fallbackLanguage: "en" as const };
    const { rows } = await audit(() => resetPassword(db(), { ...newPassword(token), mail }));
    const entry = expectRow(rows, {
      actor: { userId: user.id },
      action: "reset_password",
      entityType: "user",
      entityId: user.id,
      before: true,
      after: true,
    });
    // The session accepting the invitation signed in, and one more device.
    expect(entry.before).toMatchObject({ version: user.version, sessions: 2 });
    expect(entry.after).toMatchObject({ version: user.version + 1, sessions: 0 });
    expectNoSecrets(rows);
    expect(await refused(() => resetPassword(db(), { ...newPassword(token), mail }))).toBeNull();
  });

  it("retryMail: audit row from failed to queued; a message that has not failed is refused and unchanged", async () => {
    const [id] = await queueTestMail(db(), 1, "Audit retry");
    const refusedRetry = await refused(() => retryMail(db(), admin, id!));
    expect(refusedRetry).toMatchObject({ status: 409 });
    await db()
      .update(t.mailOutbox)
      .set({ status: "failed", attempts: 10, lastError: "422 invalid address" })
      .where(eq(t.mailOutbox.id, id!));
    await refused(() => retryMail(db(), ghost, id!));
    expect((await db().select().from(t.mailOutbox).where(eq(t.mailOutbox.id, id!)))[0]).toMatchObject({
      status: "failed",
      attempts: 10,
    });

    const { result, rows } = await audit(() => retryMail(db(), admin, id!));
    expect(result).toMatchObject({ status: "queued", attempts: 0 });
    const entry = expectRow(rows, {
      actor: admin,
      action: "retry",
      entityType: "mail",
      entityId: id!,
      before: true,
      after: true,
    });
    expect(entry.before).toMatchObject({ status: "failed", attempts: 10, lastError: "422 invalid address" });
    expect(entry.after).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("addEnquiry, setEnquiryStatus and createEnquiryActivity: the system's row for a visitor's request, the editor's for handling it", async () => {
    const published = await makePublishedCase(db(), {}, editor);
    const sent = await audit(() =>
      addEnquiry(db(), {
        caseId: published.id,
        caseSlug: published.slug,
        caseTitle: published.title,
        name: "A Partner",
        organization: "A partner agency",
        country: "Azerbaijan",
        email: "partner@example.net",
        message: "A request made by the audit coverage test.",
        language: "en",
        origin: "http://localhost",
        secret: "a secret of at least thirty-two characters",
        clientAddress: "198.51.100.7",
      }),
    );
    const outcome = sent.result as Awaited<ReturnType<typeof addEnquiry>>;
    const id = outcome.kind === "sent" ? outcome.id : 0;
    const created = sent.rows.find((r) => r.entityType === "enquiry" && r.action === "create");
    expect(created).toMatchObject({ actorId: null, actorLabel: "system", entityId: String(id) });

    expect(await refused(() => setEnquiryStatus(db(), editor, { id, version: 0, status: "closed" }))).toBeInstanceOf(
      ConflictError,
    );
    const moved = await audit(() => setEnquiryStatus(db(), editor, { id, version: 1, status: "in_progress" }));
    expectRow(moved.rows, {
      actor: editor,
      action: "update_status",
      entityType: "enquiry",
      entityId: id,
      before: true,
      after: true,
    });

    expect(await refused(() => createEnquiryActivity(db(), editor, { id, version: 1 }))).toBeInstanceOf(ConflictError);
    // The activity's audit row cannot be written: neither the activity nor the request's change stays.
    expect(await refused(() => createEnquiryActivity(db(), ghost, { id, version: 2 }))).toBeTruthy();
    const planned = await audit(() => createEnquiryActivity(db(), editor, { id, version: 2 }));
    expectRow(planned.rows, {
      actor: editor,
      action: "plan",
      entityType: "enquiry",
      entityId: id,
      before: true,
      after: true,
    });
    expectRow(planned.rows, {
      actor: editor,
      action: "create",
      entityType: "activity",
      entityId: (planned.result as Awaited<ReturnType<typeof createEnquiryActivity>>)!.activity.id,
      before: false,
      after: true,
    });
  });

  // --- documents and sources ------------------------------------------------------------------

  it("uploadDocument, detachDocument, createSource, citeSource, removeCitation, deleteSource: audit rows; a failed audit write leaves nothing", async () => {
    const store = databaseStore(db());
    const subject = { kind: "activity" as const, id: activityId };
    const upload = (actor: { userId: number }) =>
      uploadDocument(db(), store, actor, {
        fileName: "minutes.pdf",
        bytes: pdfBytes(),
        title: null,
        attachTo: subject,
      });
    const documentsBefore = (await db().select().from(t.documents)).length;
    expect(await refused(() => upload(ghost))).toBeTruthy();
    expect(await db().select().from(t.documents)).toHaveLength(documentsBefore);
    const stored = await audit(() => upload(editor));
    const documentId = (stored.result as { id: number }).id;
    expectRow(stored.rows, {
      actor: editor,
      action: "create",
      entityType: "document",
      entityId: documentId,
      before: false,
      after: true,
    });
    expectRow(stored.rows, {
      actor: editor,
      action: "attach",
      entityType: "activity_attachments",
      entityId: activityId,
      before: false,
      after: true,
    });
    expect(await refused(() => detachDocument(db(), store, ghost, { documentId, subject }))).toBeTruthy();
    const detached = await audit(() => detachDocument(db(), store, editor, { documentId, subject }));
    expectRow(detached.rows, {
      actor: editor,
      action: "detach",
      entityType: "activity_attachments",
      entityId: activityId,
      before: true,
      after: false,
    });
    expectRow(detached.rows, {
      actor: editor,
      action: "delete",
      entityType: "document",
      entityId: documentId,
      before: true,
      after: false,
    });

    const input = {
      publisher: "Audit coverage",
      title: "A source made by the audit coverage test",
      titleIsDescriptive: true,
      language: "en" as const,
      publishedOn: "2024",
      url: null,
      quote: null,
      citeOn: subject,
      note: null,
    };
    expect(await refused(() => createSource(db(), ghost, input))).toBeTruthy();
    const created = await audit(() => createSource(db(), editor, input));
    const sourceId = (created.result as { id: number }).id;
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "source",
      entityId: sourceId,
      before: false,
      after: true,
    });
    expectRow(created.rows, {
      actor: editor,
      action: "cite",
      entityType: "activity_citations",
      entityId: activityId,
      before: false,
      after: true,
    });
    const onPlan = { sourceId, subject: { kind: "agreement" as const, id: planId } };
    const cited = await audit(() => citeSource(db(), editor, { ...onPlan, note: "coverage" }));
    expectRow(cited.rows, {
      actor: editor,
      action: "cite",
      entityType: "agreement_citations",
      entityId: planId,
      before: false,
      after: true,
    });
    expect(await refused(() => deleteSource(db(), editor, sourceId))).toMatchObject({ status: 409 });
    const removed = await audit(() => removeCitation(db(), editor, onPlan));
    expectRow(removed.rows, {
      actor: editor,
      action: "uncite",
      entityType: "agreement_citations",
      entityId: planId,
      before: true,
      after: false,
    });
    await removeCitation(db(), editor, { sourceId, subject });
    const deleted = await audit(() => deleteSource(db(), editor, sourceId));
    expectRow(deleted.rows, {
      actor: editor,
      action: "delete",
      entityType: "source",
      entityId: sourceId,
      before: true,
      after: false,
    });
  });

  // --- library cases ------------------------------------------------------------------------

  it("createCase, updateCase and the review steps: audited, versioned, and refused when stale", async () => {
    type Saved = { id: number; version: number };
    const created = await audit(() => createCase(db(), editor, caseInput()));
    const draft = created.result as Saved;
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "case",
      entityId: draft.id,
      before: false,
      after: true,
    });
    expect(await refused(() => createCase(db(), ghost, caseInput()))).toBeTruthy();

    const updated = await audit(() =>
      updateCase(db(), editor, draft.id, draft.version, caseInput({ title: { en: "Audited case" } })),
    );
    const revised = updated.result as Saved;
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "case",
      entityId: draft.id,
      before: true,
      after: true,
    });
    expect(await refused(() => updateCase(db(), editor, draft.id, draft.version, caseInput()))).toBeInstanceOf(
      ConflictError,
    );

    const submitted = (await audit(() => submitCaseForReview(db(), editor, draft.id, revised.version))).result as Saved;
    // The editor changed it last: another editor or an admin publishes.
    expect(
      await refused(() => publishCaseAs(db(), { id: editor.userId, role: "editor" }, draft.id, submitted.version)),
    ).toMatchObject({ status: 403 });
    const publishedAs = await audit(() =>
      publishCaseAs(db(), { id: admin.userId, role: "admin" }, draft.id, submitted.version),
    );
    expectRow(publishedAs.rows, {
      actor: admin,
      action: "publish",
      entityType: "case",
      entityId: draft.id,
      before: true,
      after: true,
    });
    const republished = await audit(() => publishCase(db(), admin, draft.id, (publishedAs.result as Saved).version));
    expectRow(republished.rows, {
      actor: admin,
      action: "publish",
      entityType: "case",
      entityId: draft.id,
      before: true,
      after: true,
    });

    const current = republished.result as Saved;
    expect(await refused(() => archiveCase(db(), admin, draft.id, current.version - 1))).toBeInstanceOf(ConflictError);
    const archived = await audit(() => archiveCase(db(), admin, draft.id, current.version));
    expectRow(archived.rows, {
      actor: admin,
      action: "archive",
      entityType: "case",
      entityId: draft.id,
      before: true,
      after: true,
    });
    const restored = await audit(() => restoreCaseAsDraft(db(), editor, draft.id, (archived.result as Saved).version));
    expectRow(restored.rows, {
      actor: editor,
      action: "restore",
      entityType: "case",
      entityId: draft.id,
      before: true,
      after: true,
    });
  });

  it("createCaseLink, updateCaseLink and deleteCaseLink: audited, versioned, and refused when stale", async () => {
    const [from, to] = [await createCase(db(), editor, caseInput()), await createCase(db(), editor, caseInput())];
    const input = {
      fromCaseId: from.id,
      toCaseId: to.id,
      place: { en: "Banyuwangi" },
      countryCode: "ID",
      latitude: -8.22,
      longitude: 114.37,
      year: 2017,
      status: "running" as const,
      note: null,
      sourceId: null,
    };
    const created = await audit(() => createCaseLink(db(), editor, input));
    const link = created.result as { id: number; version: number };
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "case_link",
      entityId: link.id,
      before: false,
      after: true,
    });
    // An audit row that cannot be written takes the link with it.
    const reversed = { ...input, fromCaseId: to.id, toCaseId: from.id };
    expect(await refused(() => createCaseLink(db(), ghost, reversed))).toBeTruthy();
    const updated = await audit(() => updateCaseLink(db(), editor, { ...input, year: 2018, id: link.id, version: 1 }));
    expect(updated.result).toMatchObject({ version: 2, year: 2018 });
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "case_link",
      entityId: link.id,
      before: true,
      after: true,
    });
    expect(await refused(() => updateCaseLink(db(), editor, { ...input, id: link.id, version: 1 }))).toBeInstanceOf(
      ConflictError,
    );
    expect(await refused(() => deleteCaseLink(db(), editor, { id: link.id, version: 1 }))).toBeInstanceOf(
      ConflictError,
    );
    const deleted = await audit(() => deleteCaseLink(db(), editor, { id: link.id, version: 2 }));
    expectRow(deleted.rows, {
      actor: editor,
      action: "delete",
      entityType: "case_link",
      entityId: link.id,
      before: true,
      after: false,
    });
  });

  it("createVisit, updateVisit and saveVisitReport: the activity's rows and the visit's, versioned; stale or failed saves change nothing", async () => {
    const created = await audit(() => createVisit(db(), editor, visitInput()));
    const { activity, visit } = created.result as Awaited<ReturnType<typeof createVisit>>;
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "activity",
      entityId: activity.id,
      before: false,
      after: true,
    });
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "visit",
      entityId: activity.id,
      before: false,
      after: true,
    });
    expect(await refused(() => createVisit(db(), ghost, visitInput()))).toBeTruthy();
    const fields = { ...visitAsFields(visit), cities: ["Baku", "Sheki"] };
    expect(await refused(() => updateVisit(db(), editor, activity.id, 99, fields))).toBeInstanceOf(ConflictError);
    expect(await refused(() => updateVisit(db(), ghost, activity.id, 1, fields))).toBeTruthy();
    const updated = await audit(() =>
      updateVisit(db(), editor, activity.id, 1, {
        ...fields,
        activity: { version: 1, title: { en: "Audited visit" } },
      }),
    );
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "visit",
      entityId: activity.id,
      before: true,
      after: true,
    });
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "activity",
      entityId: activity.id,
      before: true,
      after: true,
    });
    const outcomes = { json: { root: { children: [] } }, html: "<p>Agreed</p>", text: "Agreed" };
    const report = { outcomes, lessons: null };
    expect(
      await refused(() => saveVisitReport(db(), editor, activity.id, { version: 1, activityVersion: 2 }, report)),
    ).toBeInstanceOf(ConflictError);
    const saved = await audit(() =>
      saveVisitReport(db(), editor, activity.id, { version: 2, activityVersion: 2 }, report),
    );
    expectRow(saved.rows, {
      actor: editor,
      action: "update",
      entityType: "visit",
      entityId: activity.id,
      before: true,
      after: true,
    });
    expect(saved.result).toMatchObject({ version: 3, outcomesText: "Agreed" });
  });

  it("issueBriefing: audit row on the visit, version bumped; a stale version or a failed audit write issues nothing", async () => {
    const { visit } = await makeVisit(db(), {}, editor);
    const seen = { version: visit.version, itineraryVersion: visit.itineraryVersion, delegationVersion: 1 };
    const origin = "https://jembatan.example.org";
    const stale = await refused(() =>
      issueBriefing(db(), editor, visit.activityId, { ...seen, version: 99 }, { origin }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    const failed = await refused(() => issueBriefing(db(), ghost, visit.activityId, seen, { origin }));
    expect(failed).toBeTruthy();
    const { result, rows } = await audit(() => issueBriefing(db(), editor, visit.activityId, seen, { origin }));
    expectRow(rows, {
      actor: editor,
      action: "issue_briefing",
      entityType: "visit",
      entityId: visit.activityId,
      before: true,
      after: true,
    });
    expect(result).toMatchObject({ version: visit.version + 1 });
  });

  it("issueVisitLink and revokeVisitLinks: audit rows on the visit without the token; a failed audit write changes nothing", async () => {
    const { visit } = await makeVisit(db(), {}, editor);
    const holder = { visitId: visit.activityId, purpose: "calendar" as const, memberId: null, userId: viewerId };
    const links = () => db().select().from(t.visitLinks).where(eq(t.visitLinks.visitId, visit.activityId));
    expect(await refused(() => issueVisitLink(db(), ghost, holder))).toBeTruthy();
    expect(await links()).toEqual([]);

    const viewer = { userId: viewerId };
    const first = await audit(() => issueVisitLink(db(), viewer, holder));
    const made = first.result as { token: string; id: number };
    const issued = expectRow(first.rows, {
      actor: viewer,
      action: "issue_visit_link",
      entityType: "visit",
      entityId: visit.activityId,
      before: false,
      after: true,
    });
    expect(issued.after).toMatchObject({ linkId: made.id, purpose: "calendar", userId: viewerId });
    // Neither the token nor its hash is written anywhere but the link's row.
    const [stored] = await links();
    expect(JSON.stringify(first.rows)).not.toContain(made.token);
    expect(JSON.stringify(first.rows)).not.toContain(stored!.tokenHash);

    // A new link revokes the old one, each step with its row.
    const second = await audit(() => issueVisitLink(db(), viewer, holder));
    expect(second.rows.map((r) => r.action)).toEqual(["revoke_visit_link", "issue_visit_link"]);
    const want = { visitId: visit.activityId, purpose: "calendar" as const, memberId: null };
    expect(await findVisitLink(db(), made.token, want)).toBeNull();

    // Revoked by someone whose audit row cannot be written: the link still works.
    const current = (second.result as { token: string }).token;
    await refused(() => revokeVisitLinks(db(), ghost, holder));
    expect(await findVisitLink(db(), current, want)).not.toBeNull();
    const stop = await audit(() => revokeVisitLinks(db(), viewer, holder));
    expect(stop.result).toBe(1);
    expectRow(stop.rows, {
      actor: viewer,
      action: "revoke_visit_link",
      entityType: "visit",
      entityId: visit.activityId,
      before: false,
      after: true,
    });
    expect(await findVisitLink(db(), current, want)).toBeNull();
  });

  it("saveDelegation: one audit row on the delegation and one per person it adds, versioned; stale or failed saves change nothing", async () => {
    const { visit } = await makeVisit(db(), {}, editor);
    const [known] = await db().select({ id: t.people.id }).from(t.people).limit(1);
    const cells = {
      side: "delegation" as const,
      role: "member" as const,
      ...{ arrivalMode: null, arrivalRef: null, arrivalAt: null, departureMode: null, departureRef: null },
      ...{ departureAt: null, hotel: null, interpretationNeeds: null, dietaryNeeds: null, accessNeeds: null },
    };
    const members = [
      { ...cells, row: 0, person: { id: known!.id } },
      { ...cells, row: 1, person: { name: "Audited Newcomer", organizationId: null } },
    ];
    expect(await refused(() => saveDelegation(db(), ghost, visit.activityId, 1, members))).toBeTruthy();
    const { result, rows } = await audit(() => saveDelegation(db(), editor, visit.activityId, 1, members));
    expectRow(rows, {
      actor: editor,
      action: "update",
      entityType: "visit_delegation",
      entityId: visit.activityId,
      before: true,
      after: true,
    });
    expect(rows.filter((r) => r.entityType === "person" && r.action === "create")).toHaveLength(1);
    expect(result).toMatchObject({ version: 2 });
    const stale = await refused(() => saveDelegation(db(), editor, visit.activityId, 1, members.slice(0, 1)));
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it("saveItinerary: one audit row on the itinerary, versioned on its own; stale or failed saves change nothing", async () => {
    const { visit } = await makeVisit(db(), {}, editor);
    const item = {
      id: null,
      startsAt: new Date("2025-06-10T06:00:00Z"),
      endsAt: new Date("2025-06-10T07:00:00Z"),
      timeZone: "Asia/Baku",
      title: { en: "Audited visit to a centre" },
      agenda: null,
      placeName: null,
      address: null,
      hostOrganizationId: null,
      transport: null,
      allMembers: true,
      memberIds: [],
      caseIds: [],
    };
    const change = { visitId: visit.activityId, version: 1, items: [item] };
    expect(await refused(() => saveItinerary(db(), ghost, change))).toBeTruthy();
    const { result, rows } = await audit(() => saveItinerary(db(), editor, change));
    expectRow(rows, {
      actor: editor,
      action: "update",
      entityType: "itinerary",
      entityId: visit.activityId,
      before: true,
      after: true,
    });
    expect(result).toMatchObject({ version: 2 });
    const stale = await refused(() => saveItinerary(db(), editor, { ...change, items: [] }));
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it("createFollowUp and updateFollowUp: audit rows on the follow-up, versioned; stale or failed writes change nothing", async () => {
    const { visit } = await makeVisit(db(), {}, editor);
    const input = {
      visitId: visit.activityId,
      title: { en: "Send the minutes" },
      ownerId: viewerId,
      dueOn: "2031-01-10",
      status: "open" as const,
      commitmentIds: [],
    };
    expect(await refused(() => createFollowUp(db(), ghost, input))).toBeTruthy();
    const created = await audit(() => createFollowUp(db(), editor, input));
    const id = (created.result as { id: number }).id;
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "follow_up",
      entityId: id,
      before: false,
      after: true,
    });
    const change = { ...input, id, status: "done" as const };
    expect(await refused(() => updateFollowUp(db(), editor, { ...change, version: 99 }))).toBeInstanceOf(ConflictError);
    const updated = await audit(() => updateFollowUp(db(), editor, { ...change, version: 1 }));
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "follow_up",
      entityId: id,
      before: true,
      after: true,
    });
    expect(updated.result).toMatchObject({ status: "done", version: 2 });
  });

  it("createOrganization, updateOrganization, createPerson and updatePerson: audited, versioned, refused when stale", async () => {
    const created = await audit(() => createOrganization(db(), editor, organizationInput()));
    const org = created.result as { id: number; version: number };
    expectRow(created.rows, {
      actor: editor,
      action: "create",
      entityType: "organization",
      entityId: org.id,
      before: false,
      after: true,
    });
    expect(await refused(() => createOrganization(db(), ghost, organizationInput()))).toBeTruthy();
    const updated = await audit(() =>
      updateOrganization(db(), editor, org.id, 1, organizationInput({ acronym: "TST" })),
    );
    expect(updated.result).toMatchObject({ version: 2, acronym: "TST" });
    expectRow(updated.rows, {
      actor: editor,
      action: "update",
      entityType: "organization",
      entityId: org.id,
      before: true,
      after: true,
    });
    expect(await refused(() => updateOrganization(db(), editor, org.id, 1, organizationInput()))).toBeInstanceOf(
      ConflictError,
    );

    const positions = [{ title: { en: "Head" }, organizationId: org.id, startsOn: "2020-01-01", endsOn: null }];
    const made = await audit(() => createPerson(db(), editor, personInput({ positions })));
    const person = made.result as { id: number; version: number };
    expectRow(made.rows, {
      actor: editor,
      action: "create",
      entityType: "person",
      entityId: person.id,
      before: false,
      after: true,
    });
    expect(await refused(() => createPerson(db(), ghost, personInput({ positions })))).toBeTruthy();
    const changed = await audit(() =>
      updatePerson(db(), editor, person.id, 1, personInput({ name: "Renamed", positions: [] })),
    );
    expect(changed.result).toMatchObject({ version: 2, name: "Renamed", positions: [] });
    expectRow(changed.rows, {
      actor: editor,
      action: "update",
      entityType: "person",
      entityId: person.id,
      before: true,
      after: true,
    });
    expect(await refused(() => updatePerson(db(), editor, person.id, 1, personInput({ positions })))).toBeInstanceOf(
      ConflictError,
    );
  });

  it("mergeOrganizations and mergePeople: a merge row on the survivor and a delete row on the duplicate, refused when stale", async () => {
    for (const [kind, make, merge] of [
      [
        "organization",
        () => createOrganization(db(), editor, organizationInput()),
        (survivorId: number, duplicateId: number, survivorVersion: number, actor: { userId: number }) =>
          mergeOrganizations(db(), actor, { survivorId, duplicateId, survivorVersion }),
      ],
      [
        "person",
        () => createPerson(db(), editor, personInput()),
        (survivorId: number, duplicateId: number, survivorVersion: number, actor: { userId: number }) =>
          mergePeople(db(), actor, { survivorId, duplicateId, survivorVersion }),
      ],
    ] as const) {
      const survivor = await make();
      const duplicate = await make();
      expect(await refused(() => merge(survivor.id, duplicate.id, 1, ghost))).toBeTruthy();
      expect(await refused(() => merge(survivor.id, duplicate.id, 2, editor))).toBeInstanceOf(ConflictError);
      const { rows } = await audit(() => merge(survivor.id, duplicate.id, 1, editor));
      expectRow(rows, {
        actor: editor,
        action: "merge",
        entityType: kind,
        entityId: survivor.id,
        before: true,
        after: true,
      });
      expectRow(rows, {
        actor: editor,
        action: "delete",
        entityType: kind,
        entityId: duplicate.id,
        before: true,
        after: true,
      });
    }
  });
});
