// Adding and changing a visit's follow-ups: each change one transaction with its audit row; an
// edit is checked against the version the editor started from.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { activities, commitments, followUpCommitments, followUps, users, visits, type FollowUp } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { followUpAuditView, followUpSnapshot, type FollowUpInput } from "./follow-up.server";
import { lockRow, saveVersion } from "./versioned.server";

/** The commitments a follow-up serves, in id order. */
async function commitmentIdsOf(tx: Database, followUpId: number) {
  const rows = await tx
    .select({ id: followUpCommitments.commitmentId })
    .from(followUpCommitments)
    .where(eq(followUpCommitments.followUpId, followUpId));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The owner is an enabled user; the commitments are of the visit's agreement. */
async function checkFollowUp(tx: Database, visitId: number, input: FollowUpInput) {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.ownerId), isNull(users.disabledAt)));
  if (!owner) throw new RuleError("ownerId", "followUps.unknownOwner");
  const wanted = [...new Set(input.commitmentIds)];
  if (!wanted.length) return wanted;
  const found = await tx
    .select({ id: commitments.id })
    .from(commitments)
    .innerJoin(activities, eq(activities.agreementId, commitments.agreementId))
    .where(and(eq(activities.id, visitId), inArray(commitments.id, wanted)));
  if (found.length !== wanted.length) throw new RuleError("commitmentIds", "followUps.unknownCommitment");
  return wanted.sort((a, b) => a - b);
}

async function linkCommitments(tx: Database, followUpId: number, ids: number[]) {
  if (ids.length)
    await tx.insert(followUpCommitments).values(ids.map((commitmentId) => ({ followUpId, commitmentId })));
}

/** When a follow-up was done: kept while it stays done, set when it becomes done, gone otherwise. */
const doneAtFor = (status: FollowUpInput["status"], before: Date | null) =>
  status === "done" ? (before ?? new Date()) : null;

/** Adds a follow-up to a visit; null when the visit does not exist. `options.example`: the demo's example scenario. */
export async function createFollowUp(
  db: Database,
  actor: Actor,
  input: FollowUpInput & { visitId: number },
  options: { example?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    // The visit stays while its follow-up is added (a concurrent delete waits).
    const [visit] = await tx
      .select({ id: visits.activityId })
      .from(visits)
      .where(eq(visits.activityId, input.visitId))
      .for("share");
    if (!visit) return null;
    const commitmentIds = await checkFollowUp(tx, input.visitId, input);
    const [row] = await tx
      .insert(followUps)
      .values({
        visitId: input.visitId,
        title: input.title,
        ownerId: input.ownerId,
        dueOn: input.dueOn,
        status: input.status,
        doneAt: doneAtFor(input.status, null),
        example: options.example ?? false,
      })
      .returning();
    await linkCommitments(tx, row!.id, commitmentIds);
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: "follow_up",
      entityId: row!.id,
      after: followUpAuditView(row!, commitmentIds),
    });
    return followUpSnapshot(row!, commitmentIds);
  });
}

/**
 * Saves an edit made from `version`: a ConflictError carrying the follow-up as saved now when
 * someone saved it since. Null when it does not exist (or is not this visit's).
 */
export async function updateFollowUp(
  db: Database,
  actor: Actor,
  change: FollowUpInput & { id: number; visitId: number; version: number },
) {
  return db.transaction(async (tx) => {
    const current = async (row: FollowUp) => followUpSnapshot(row, await commitmentIdsOf(tx, row.id));
    // Another visit's follow-up is not this page's to change, nor to reveal in a conflict.
    const [owned] = await tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(and(eq(followUps.id, change.id), eq(followUps.visitId, change.visitId)));
    if (!owned) return null;
    const row = await lockRow(tx, followUps, change.id, change.version, current);
    if (!row) return null;
    const beforeIds = await commitmentIdsOf(tx, row.id);
    const commitmentIds = await checkFollowUp(tx, change.visitId, change);
    const updated = await saveVersion(tx, followUps, row, {
      title: change.title,
      ownerId: change.ownerId,
      dueOn: change.dueOn,
      status: change.status,
      doneAt: doneAtFor(change.status, row.doneAt),
    });
    if (commitmentIds.join() !== beforeIds.join()) {
      await tx.delete(followUpCommitments).where(eq(followUpCommitments.followUpId, row.id));
      await linkCommitments(tx, row.id, commitmentIds);
    }
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "follow_up",
      entityId: row.id,
      before: followUpAuditView(row, beforeIds),
      after: followUpAuditView(updated, commitmentIds),
    });
    return followUpSnapshot(updated, commitmentIds);
  });
}
