// Each side's confirmation that a complete commitment is met: who may give it, giving and withdrawing it.
import { and, eq } from "drizzle-orm";
import { commitmentConfirmations, commitments, organizations, users } from "../../db/schema";
import { type CommitmentStatus, type Role } from "../lib/enums";
import type { Database } from "../../db/client";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { checkSide } from "./commitment-sides.server";
import { ConflictError, NotAllowedError, RuleError } from "./errors.server";
import { lockRow } from "./versioned.server";

/** Whether every side of the partnership has confirmed a complete commitment. */
export function isFullyConfirmed(
  status: CommitmentStatus,
  sides: { code: string }[],
  confirmations: { countryCode: string }[],
) {
  if (status !== "complete" || !sides.length) return false;
  const confirmed = new Set(confirmations.map((c) => c.countryCode));
  return sides.every((s) => confirmed.has(s.code));
}

/** What stands behind a user's confirmation: their role and the country of their organization. */
export interface SideUser {
  role: Role;
  organizationId: number | null;
  /** The side the user speaks for; null without an organization, or with one of no country. */
  countryCode: string | null;
}

/** The user behind `actor` as a confirmer; null for a process, a user who is gone or disabled. */
export async function sideOfUser(db: Database, actor: Actor): Promise<SideUser | null> {
  const userId = actorUserId(actor);
  if (!userId) return null;
  const [row] = await db
    .select({
      role: users.role,
      organizationId: users.organizationId,
      countryCode: organizations.countryCode,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row || row.disabledAt) return null;
  return { role: row.role, organizationId: row.organizationId, countryCode: row.countryCode };
}

/**
 * How a user may give (or withdraw) a side's confirmation: as one of that side ("own"), as an
 * administrator of another side or of none, on the side's behalf ("on-behalf"), or not at all. A
 * side's word is its own: an editor confirms only for the country of their organization, and a
 * viewer never confirms.
 */
export function mayConfirm(user: SideUser | null, side: string): "own" | "on-behalf" | null {
  if (!user || user.role === "viewer") return null;
  if (user.countryCode === side) return "own";
  return user.role === "admin" ? "on-behalf" : null;
}

/** A confirmation the user may not give or withdraw for that side: a refusal (403), not a bad form. */
export class NotYourSideError extends NotAllowedError {}

async function rightFor(tx: Database, actor: Actor, side: string) {
  const user = await sideOfUser(tx, actor);
  const right = mayConfirm(user, side);
  if (right) return right;
  // An editor without a side is told what is missing; anyone else, whose side it is.
  const key =
    user && user.role !== "viewer" && !user.countryCode
      ? "commitments.confirmNoSide"
      : "commitments.confirmNotYourSide";
  throw new NotYourSideError("form", key);
}

/**
 * One side confirms that a complete commitment is met. The version the editor saw must still be
 * current, so nobody confirms a status or text that has changed in the meantime.
 */
export async function confirmCompletion(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; version: number; countryCode: string },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockRow(tx, commitments, input.commitmentId, input.version);
    if (!commitment) return null;
    if (commitment.status !== "complete") throw new RuleError("form", "commitments.confirmNeedsComplete");
    const sides = await checkSide(tx, commitment, input.countryCode);
    const onBehalf = (await rightFor(tx, actor, input.countryCode)) === "on-behalf";
    const [row] = await tx
      .insert(commitmentConfirmations)
      .values({
        commitmentId: input.commitmentId,
        countryCode: input.countryCode,
        confirmedBy: actorUserId(actor),
        onBehalf,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: onBehalf ? "confirm_on_behalf" : "confirm",
        entityType: "commitment",
        entityId: input.commitmentId,
        after: row,
      });
    }
    const all = await tx
      .select({ countryCode: commitmentConfirmations.countryCode })
      .from(commitmentConfirmations)
      .where(eq(commitmentConfirmations.commitmentId, input.commitmentId));
    return { confirmation: row ?? null, fullyConfirmed: isFullyConfirmed(commitment.status, sides, all) };
  });
}

/**
 * Null when there is no such commitment; else the confirmation withdrawn, if there was one. Only
 * the side itself, or an administrator on its behalf, withdraws its confirmation.
 */
export async function withdrawConfirmation(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; countryCode: string; confirmedAt?: string },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockRow(tx, commitments, input.commitmentId);
    if (!commitment) return null;
    const onBehalf = (await rightFor(tx, actor, input.countryCode)) === "on-behalf";
    const mine = and(
      eq(commitmentConfirmations.commitmentId, input.commitmentId),
      eq(commitmentConfirmations.countryCode, input.countryCode),
    );
    // Withdrawn and given again since the editor looked: that newer confirmation stays.
    const [current] = await tx.select().from(commitmentConfirmations).where(mine);
    if (current && input.confirmedAt && current.confirmedAt.getTime() !== new Date(input.confirmedAt).getTime()) {
      throw new ConflictError(commitment);
    }
    const [before] = await tx.delete(commitmentConfirmations).where(mine).returning();
    if (before) {
      await recordAudit(tx, {
        actor,
        action: onBehalf ? "withdraw_confirmation_on_behalf" : "withdraw_confirmation",
        entityType: "commitment",
        entityId: input.commitmentId,
        before,
      });
    }
    return { withdrawn: before ?? null };
  });
}
