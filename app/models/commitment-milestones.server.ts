import { and, eq, isNull, max } from "drizzle-orm";
import { commitmentMilestones, commitments } from "../../db/schema";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { lockRow } from "./versioned.server";

export async function addMilestone(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; title: LocalizedText; dueOn: string | null },
) {
  return db.transaction(async (tx) => {
    if (!(await lockRow(tx, commitments, input.commitmentId))) return null;
    const [last] = await tx
      .select({ position: max(commitmentMilestones.position) })
      .from(commitmentMilestones)
      .where(eq(commitmentMilestones.commitmentId, input.commitmentId));
    const [row] = await tx
      .insert(commitmentMilestones)
      .values({ ...input, position: (last?.position ?? -1) + 1 })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "add_milestone",
      entityType: "commitment",
      entityId: input.commitmentId,
      after: row,
    });
    return row!;
  });
}

/** Marks a milestone done on `completedOn`; a milestone already done keeps its first date. */
export async function completeMilestone(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; milestoneId: number; completedOn: string },
) {
  return db.transaction(async (tx) => {
    const where = and(
      eq(commitmentMilestones.id, input.milestoneId),
      eq(commitmentMilestones.commitmentId, input.commitmentId),
    );
    const [before] = await tx.select().from(commitmentMilestones).where(where).for("update");
    if (!before) return null;
    if (before.completedOn) return before;
    const [after] = await tx
      .update(commitmentMilestones)
      .set({ completedOn: input.completedOn })
      .where(and(where, isNull(commitmentMilestones.completedOn)))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "complete_milestone",
      entityType: "commitment",
      entityId: input.commitmentId,
      before,
      after,
    });
    return after!;
  });
}
