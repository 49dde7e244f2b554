/**
 * A commitment's status is its latest assessment's: who rated it, when, on what evidence and
 * source. Assessing is the one way the status changes, version-checked and audited; seeded
 * commitments, which no source rates, are not assessed, and their texts carry no rating.
 */
import { and, desc, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { assessForm } from "../../app/forms/commitment";
import { checkForm } from "../../app/forms/submission";
import { assessCommitment, listAssessments } from "../../app/models/commitment-assessments.server";
import { addEvidence } from "../../app/models/commitment-evidence.server";
import { confirmCompletion } from "../../app/models/commitment-confirmations.server";
import { setFocalPoint } from "../../app/models/commitment-focal-points.server";
import { getCommitment } from "../../app/models/commitment-queries.server";
import { ConflictError, RuleError } from "../../app/models/errors.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { assessmentInput, makeCommitment } from "../support/model-factories";
import { formData } from "../support/form-data";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("assessing commitments on %s", (driver) => {
  let test: TestDatabase;
  let editor: { userId: number };
  let mouId: number;
  let sourceId: number;
  const db = () => test.db;

  const lastAuditId = async () =>
    (
      await db()
        .select({ id: max(t.auditLog.id) })
        .from(t.auditLog)
    )[0]?.id ?? 0;
  const auditSince = (id: number) => db().select().from(t.auditLog).where(gt(t.auditLog.id, id)).orderBy(t.auditLog.id);
  const commitmentRow = async (id: number) =>
    (await db().select().from(t.commitments).where(eq(t.commitments.id, id)))[0]!;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: true });
    const [u] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.org"));
    editor = { userId: u!.id };
    mouId = (await db().select().from(t.agreements).where(eq(t.agreements.slug, "mou-2017")))[0]!.id;
    sourceId = (await db().select().from(t.sources).limit(1))[0]!.id;
  });
  afterAll(() => test.close());

  it("seeds every sourced commitment not assessed, with no rating in its text", async () => {
    const seeded = await db().select().from(t.commitments).where(eq(t.commitments.example, false));
    expect(seeded.length).toBeGreaterThan(0);
    for (const c of seeded) {
      expect(c.status, c.slug).toBe("not_assessed");
      expect(c.text.en, c.slug).not.toMatch(/\brated\b/i);
      expect(c.text.id ?? "", c.slug).not.toMatch(/\bdinilai\b/i);
    }
    const ids = new Set(seeded.map((c) => c.id));
    const rated = await db().select().from(t.commitmentAssessments);
    expect(rated.filter((a) => ids.has(a.commitmentId))).toEqual([]);
  });

  it("records each assessment with who, when, evidence and source; the latest is the status", async () => {
    const c = await makeCommitment(db(), mouId, {}, editor);
    expect(c).toMatchObject({ status: "not_assessed", version: 1 });
    const first = (await assessCommitment(
      db(),
      editor,
      c.id,
      1,
      assessmentInput("limited", {
        assessedOn: "2025-01-10",
        evidence: { en: "  One workshop held.  ", id: "Satu lokakarya." },
        sourceId,
      }),
    ))!;
    expect(first).toMatchObject({ status: "limited", version: 2 });
    expect(first.assessment).toMatchObject({
      status: "limited",
      assessedOn: "2025-01-10",
      assessedBy: editor.userId,
      evidence: { en: "One workshop held.", id: "Satu lokakarya." },
      sourceId,
    });
    // The same status again, on new evidence, is an assessment too.
    await assessCommitment(db(), editor, c.id, 2, assessmentInput("limited", { assessedOn: "2025-01-10" }));
    await assessCommitment(
      db(),
      { label: "seed" },
      c.id,
      3,
      assessmentInput("substantial", { assessedOn: "2025-03-01", assessor: "Joint review team" }),
    );
    expect(await commitmentRow(c.id)).toMatchObject({ status: "substantial", version: 4 });
    const history = await listAssessments(db(), c.id);
    expect(history.map((a) => [a.status, a.assessedOn])).toEqual([
      ["substantial", "2025-03-01"],
      ["limited", "2025-01-10"],
      ["limited", "2025-01-10"],
    ]);
    expect(history[0]).toMatchObject({ assessor: "Joint review team", assessedBy: null, source: null });
    expect(history[2]).toMatchObject({ assessedBy: "Demo Editor", source: { id: sourceId } });
  });

  it("writes the assessment, the status and the audit row together; a stale version is a conflict", async () => {
    const c = await makeCommitment(db(), mouId, {}, editor);
    const mark = await lastAuditId();
    await assessCommitment(db(), editor, c.id, 1, assessmentInput("not_started"));
    const rows = await auditSince(mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "assess", entityType: "commitment", entityId: String(c.id) });
    expect(rows[0]!.before).toMatchObject({ status: "not_assessed", version: 1 });
    expect(rows[0]!.after).toMatchObject({ status: "not_started", version: 2, assessment: { status: "not_started" } });

    const stale = await assessCommitment(db(), editor, c.id, 1, assessmentInput("withdrawn")).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toMatchObject({ status: "not_started", version: 2 });
    expect(await commitmentRow(c.id)).toMatchObject({ status: "not_started", version: 2 });
    expect(await listAssessments(db(), c.id)).toHaveLength(1);
    expect(await auditSince(mark)).toHaveLength(1);
    expect(await assessCommitment(db(), editor, 2 ** 31 - 1, 1, assessmentInput("limited"))).toBeNull();
  });

  it("keeps the rules: evidence for complete and for every rating, no future or out-of-order date, a real source", async () => {
    const c = await makeCommitment(db(), mouId, {}, editor);
    await assessCommitment(db(), editor, c.id, 1, assessmentInput("limited", { assessedOn: "2025-06-01" }));
    const mark = await lastAuditId();
    const refusal = (status: Parameters<typeof assessmentInput>[0], overrides: Parameters<typeof assessmentInput>[1]) =>
      assessCommitment(db(), editor, c.id, 2, assessmentInput(status, overrides)).catch((e: unknown) => e);
    expect(await refusal("complete", {})).toMatchObject({ field: "status", key: "commitments.completeNeedsEvidence" });
    expect(await refusal("limited", { evidence: { en: "  " } })).toMatchObject({ field: "evidenceEn" });
    expect(await refusal("limited", { assessedOn: "2999-01-01" })).toMatchObject({
      field: "assessedOn",
      key: "commitments.assessment.future",
    });
    expect(await refusal("limited", { assessedOn: "2025-05-31" })).toMatchObject({
      field: "assessedOn",
      key: "commitments.assessment.beforeLatest",
    });
    expect(await refusal("limited", { sourceId: 2 ** 31 - 1 })).toMatchObject({
      field: "sourceId",
      key: "validation.invalidChoice",
    });
    expect(await refusal("complete", {})).toBeInstanceOf(RuleError);
    expect(await commitmentRow(c.id)).toMatchObject({ status: "limited", version: 2 });
    expect(await listAssessments(db(), c.id)).toHaveLength(1);
    expect(await auditSince(mark)).toEqual([]);
  });

  it("completes with evidence; a later assessment away from complete withdraws the sides' confirmations", async () => {
    const c = await makeCommitment(db(), mouId, {}, editor);
    await addEvidence(db(), editor, { commitmentId: c.id, note: "Report published" });
    const done = (await assessCommitment(db(), editor, c.id, 1, assessmentInput("complete")))!;
    await confirmCompletion(db(), editor, { commitmentId: c.id, version: done.version, countryCode: "ID" });
    const reopened = (await assessCommitment(db(), editor, c.id, done.version, assessmentInput("substantial")))!;
    expect(reopened.status).toBe("substantial");
    const confirmations = await db()
      .select()
      .from(t.commitmentConfirmations)
      .where(eq(t.commitmentConfirmations.commitmentId, c.id));
    expect(confirmations).toEqual([]);
    const [last] = await db()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "commitment"), eq(t.auditLog.entityId, String(c.id))))
      .orderBy(desc(t.auditLog.id))
      .limit(1);
    expect(last).toMatchObject({ action: "assess" });
    expect((last!.after as { withdrawnConfirmations: unknown[] }).withdrawnConfirmations).toHaveLength(1);
  });

  it("checks the assessment form: a status, a day, evidence in English; the source is optional", () => {
    const ok = checkForm(
      assessForm,
      formData({ intent: "assess", version: "3", status: "limited", assessedOn: "2025-01-01", evidenceEn: "Held" }),
    );
    expect(ok).toMatchObject({ success: true, data: { version: 3, status: "limited" } });
    if (ok.success) expect(ok.data.sourceId).toBeUndefined();
    const bad = checkForm(
      assessForm,
      formData({ intent: "assess", version: "3", status: "rated", assessedOn: "", evidenceEn: "" }),
    );
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.keys(bad.errors).sort()).toEqual(["assessedOn", "evidenceEn", "status"]);
  });

  it("titles a commitment's focal points as on the viewer's day, not the database's", async () => {
    const c = await makeCommitment(db(), mouId, {}, editor);
    const [anas] = await db().select().from(t.people).where(eq(t.people.slug, "abdullah-azwar-anas"));
    await setFocalPoint(db(), editor, { commitmentId: c.id, countryCode: "ID", personId: anas!.id });
    // He became minister on 10 October 2023: in Jakarta that day begins while UTC is still on the 9th.
    const titleOn = async (day: string) => (await getCommitment(db(), c.id, day))!.focalPoints.ID!.title?.en;
    expect(await titleOn("2023-10-09")).toBe("Regent of Banyuwangi");
    expect(await titleOn("2023-10-10")).toBe("Minister of Administrative and Bureaucratic Reform");
  });

  it("rates not assessed again, through the model, a seeded commitment carrying an earlier content's unsourced rating", async () => {
    const [c] = await db().select().from(t.commitments).where(eq(t.commitments.slug, "mou-2017-service-centre-design"));
    // As a database seeded before assessments existed holds it.
    await db().update(t.commitments).set({ status: "limited" }).where(eq(t.commitments.id, c!.id));
    await seedContent(test.db, { demo: false });
    expect(await commitmentRow(c!.id)).toMatchObject({ status: "not_assessed", version: c!.version + 1 });
    const [why] = await listAssessments(db(), c!.id);
    expect(why).toMatchObject({ status: "not_assessed", assessedBy: null, assessor: "Jembatan's seed content" });
    // Seeding again changes nothing more.
    await seedContent(test.db, { demo: false });
    expect(await listAssessments(db(), c!.id)).toHaveLength(1);
  });
});
