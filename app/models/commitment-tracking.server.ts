// Tracking a commitment to completion: evidence, milestones, each side's focal point and confirmation.
import { and, eq, isNull, max } from "drizzle-orm";
import {
  agreements,
  commitmentConfirmations,
  commitmentEvidence,
  commitmentFocalPoints,
  commitmentMilestones,
  commitments,
  organizations,
  people,
  users,
  type Commitment,
} from "../../db/schema";
import { type Role } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { isHttpUrl } from "../lib/http-url";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { isFullyConfirmed, sidesOf } from "./commitment.server";
import { ConflictError, RuleError } from "./errors.server";
import { lockRow } from "./versioned.server";

export async function addEvidence(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; url?: string | null; note?: string | null },
) {
  const url = input.url?.trim() || null;
  const note = input.note?.trim() || null;
  if (!url && !note) throw new RuleError("url", "commitments.evidenceEmpty");
  if (url && !isHttpUrl(url)) throw new RuleError("url", "commitments.evidenceUrlScheme");
  return db.transaction(async (tx) => {
    // Taken with the commitment's lock, so a concurrent status change sees this evidence or none of it.
    if (!(await lockRow(tx, commitments, input.commitmentId))) return null;
    const [row] = await tx
      .insert(commitmentEvidence)
      .values({ commitmentId: input.commitmentId, url, note, addedBy: actorUserId(actor) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "add_evidence",
      entityType: "commitment",
      entityId: input.commitmentId,
      after: row,
    });
    return row!;
  });
}

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

/** The countries of the partnership a commitment's agreement belongs to. */
async function sidesOfCommitment(tx: Database, commitment: Commitment) {
  const [agreement] = await tx
    .select({ partnershipId: agreements.partnershipId })
    .from(agreements)
    .where(eq(agreements.id, commitment.agreementId));
  return sidesOf(tx, [agreement!.partnershipId]);
}

async function checkSide(tx: Database, commitment: Commitment, countryCode: string) {
  const sides = await sidesOfCommitment(tx, commitment);
  if (!sides.some((s) => s.code === countryCode)) throw new RuleError("countryCode", "commitments.notASide");
  return sides;
}

/**
 * Names (or, with `personId` null, removes) one side's focal point for a commitment. Null when
 * there is no such commitment; else the side's focal point now.
 */
export async function setFocalPoint(
  db: Database,
  actor: Actor,
  input: {
    commitmentId: number;
    countryCode: string;
    personId: number | null;
    /** The focal point the editor saw; someone else's change since then is a conflict. */
    previousPersonId?: number | null;
  },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockRow(tx, commitments, input.commitmentId);
    if (!commitment) return null;
    await checkSide(tx, commitment, input.countryCode);
    if (input.personId) {
      const [person] = await tx
        .select({ countryCode: organizations.countryCode })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(eq(people.id, input.personId));
      if (!person) throw new RuleError("personId", "validation.invalidChoice");
      if (person.countryCode !== input.countryCode) throw new RuleError("personId", "commitments.focalPointWrongSide");
    }
    const key = and(
      eq(commitmentFocalPoints.commitmentId, input.commitmentId),
      eq(commitmentFocalPoints.countryCode, input.countryCode),
    );
    const [before] = await tx.select().from(commitmentFocalPoints).where(key);
    if (input.previousPersonId !== undefined && (before?.personId ?? null) !== input.previousPersonId) {
      throw new ConflictError(commitment);
    }
    if ((before?.personId ?? null) === input.personId) return { focalPoint: before ?? null };
    let after: typeof before | null = null;
    if (input.personId) {
      [after] = await tx
        .insert(commitmentFocalPoints)
        .values({ commitmentId: input.commitmentId, countryCode: input.countryCode, personId: input.personId })
        .onConflictDoUpdate({
          target: [commitmentFocalPoints.commitmentId, commitmentFocalPoints.countryCode],
          set: { personId: input.personId },
        })
        .returning();
    } else {
      await tx.delete(commitmentFocalPoints).where(key);
    }
    await recordAudit(tx, {
      actor,
      action: "set_focal_point",
      entityType: "commitment",
      entityId: input.commitmentId,
      before: before ?? null,
      after,
    });
    return { focalPoint: after };
  });
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
export class NotYourSideError extends RuleError {}

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
