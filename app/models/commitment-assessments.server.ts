// Assessing a commitment: the one way its status changes. Each assessment says who rated it, when and
// on what evidence; the commitment's status is the latest one's, written in the same transaction.
import { and, count, desc, eq, gt } from "drizzle-orm";
import {
  commitmentAssessments,
  commitmentConfirmations,
  commitmentEvidence,
  commitments,
  sources,
  users,
} from "../../db/schema";
import type { Database } from "../../db/client";
import type { CommitmentStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { sourceInfoColumns } from "./source-choices.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface AssessmentInput {
  status: CommitmentStatus;
  /** The day the rating holds for (YYYY-MM-DD); not before the latest assessment, not in the future. */
  assessedOn: string;
  /** The reasoning and evidence, in the rater's words. */
  evidence: LocalizedText;
  /** The source that states the rating, if one does. */
  sourceId?: number | null;
  /** Who rated it, as written, when not the signed-in user (a report, an organisation). */
  assessor?: string | null;
  /** Part of the demo's example scenario. */
  example?: boolean;
}

// The day it already is somewhere on Earth (UTC+14): no assessment can be later than that.
const latestPossibleDay = () => new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);

/** "Complete" needs at least one piece of evidence on the commitment. */
async function checkStatus(tx: Database, commitmentId: number, status: CommitmentStatus) {
  if (status !== "complete") return;
  const [row] = await tx
    .select({ n: count() })
    .from(commitmentEvidence)
    .where(eq(commitmentEvidence.commitmentId, commitmentId));
  if (!Number(row?.n)) throw new RuleError("status", "commitments.completeNeedsEvidence");
}

async function checkInput(tx: Database, commitmentId: number, input: AssessmentInput) {
  if (!input.evidence.en.trim()) throw new RuleError("evidenceEn", "validation.required");
  if (input.assessedOn > latestPossibleDay()) throw new RuleError("assessedOn", "commitments.assessment.future");
  // The status is the latest assessment's: an earlier-dated one would not be the latest.
  const [later] = await tx
    .select({ id: commitmentAssessments.id })
    .from(commitmentAssessments)
    .where(
      and(eq(commitmentAssessments.commitmentId, commitmentId), gt(commitmentAssessments.assessedOn, input.assessedOn)),
    )
    .limit(1);
  if (later) throw new RuleError("assessedOn", "commitments.assessment.beforeLatest");
  if (input.sourceId) {
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, input.sourceId));
    if (!source) throw new RuleError("sourceId", "validation.invalidChoice");
  }
}

/**
 * Records an assessment of the commitment at `expectedVersion` and makes its status the
 * commitment's. A stale version is a ConflictError carrying the saved commitment; null when the
 * commitment does not exist. Reopening a complete commitment withdraws the sides' confirmations,
 * which vouched for it.
 */
export async function assessCommitment(
  db: Database,
  actor: Actor,
  commitmentId: number,
  expectedVersion: number,
  input: AssessmentInput,
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, commitments, commitmentId, expectedVersion);
    if (!before) return null;
    if (input.status !== before.status) await checkStatus(tx, commitmentId, input.status);
    await checkInput(tx, commitmentId, input);
    const [assessment] = await tx
      .insert(commitmentAssessments)
      .values({
        commitmentId,
        status: input.status,
        assessedOn: input.assessedOn,
        assessedBy: actorUserId(actor),
        assessor: input.assessor?.trim() || null,
        evidence: {
          en: input.evidence.en.trim(),
          ...(input.evidence.id?.trim() ? { id: input.evidence.id.trim() } : {}),
        },
        sourceId: input.sourceId ?? null,
        example: input.example ?? false,
      })
      .returning();
    const withdrawn =
      before.status === "complete" && input.status !== "complete"
        ? await tx
            .delete(commitmentConfirmations)
            .where(eq(commitmentConfirmations.commitmentId, commitmentId))
            .returning()
        : [];
    const after = await saveVersion(tx, commitments, before, { status: input.status });
    await recordAudit(tx, {
      actor,
      action: "assess",
      entityType: "commitment",
      entityId: commitmentId,
      before,
      after: { ...after, assessment, ...(withdrawn.length ? { withdrawnConfirmations: withdrawn } : {}) },
    });
    return { ...after, assessment: assessment! };
  });
}

/** A commitment's assessments, newest first, with who rated each and the source that states it. */
export function listAssessments(db: Database, commitmentId: number) {
  return db
    .select({
      id: commitmentAssessments.id,
      status: commitmentAssessments.status,
      assessedOn: commitmentAssessments.assessedOn,
      assessedBy: users.name,
      assessor: commitmentAssessments.assessor,
      byUser: commitmentAssessments.assessedBy,
      evidence: commitmentAssessments.evidence,
      example: commitmentAssessments.example,
      source: { id: sources.id, ...sourceInfoColumns },
    })
    .from(commitmentAssessments)
    .leftJoin(users, eq(users.id, commitmentAssessments.assessedBy))
    .leftJoin(sources, eq(sources.id, commitmentAssessments.sourceId))
    .where(eq(commitmentAssessments.commitmentId, commitmentId))
    .orderBy(desc(commitmentAssessments.assessedOn), desc(commitmentAssessments.id));
}
