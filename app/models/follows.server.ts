// What a user follows for the weekly digest: following and unfollowing an agreement, a commitment
// or an activity, each audited as a change to the user's own settings.
import { and, eq } from "drizzle-orm";
import { activities, agreements, commitments, follows } from "../../db/schema";
import type { Database } from "../../db/client";
import type { FollowSubject } from "../lib/enums";
import { recordAudit } from "./audit.server";

export interface FollowTarget {
  subjectType: FollowSubject;
  subjectId: number;
}

const tables = { agreement: agreements, commitment: commitments, activity: activities } as const;

const followKey = (userId: number, target: FollowTarget) =>
  and(eq(follows.userId, userId), eq(follows.subjectType, target.subjectType), eq(follows.subjectId, target.subjectId));

export async function isFollowing(db: Database, userId: number, target: FollowTarget): Promise<boolean> {
  const [row] = await db.select({ userId: follows.userId }).from(follows).where(followKey(userId, target));
  return !!row;
}

async function subjectExists(tx: Database, target: FollowTarget) {
  const table = tables[target.subjectType];
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, target.subjectId));
  return !!row;
}

/**
 * Starts following; null when there is no such record. Following twice changes nothing (and
 * writes no audit row): the button of a page opened in two tabs may be pressed in both.
 */
export async function addFollow(db: Database, actor: { userId: number }, target: FollowTarget) {
  return db.transaction(async (tx) => {
    if (!(await subjectExists(tx, target))) return null;
    const [row] = await tx
      .insert(follows)
      .values({ userId: actor.userId, subjectType: target.subjectType, subjectId: target.subjectId })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: "follow",
        entityType: "user",
        entityId: actor.userId,
        after: { subjectType: row.subjectType, subjectId: row.subjectId },
      });
    }
    return { following: true };
  });
}

/** Stops following. A record deleted meanwhile may still be unfollowed, so nothing dangles. */
export async function removeFollow(db: Database, actor: { userId: number }, target: FollowTarget) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(follows).where(followKey(actor.userId, target)).returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: "unfollow",
        entityType: "user",
        entityId: actor.userId,
        before: { subjectType: row.subjectType, subjectId: row.subjectId },
      });
    }
    return { following: false };
  });
}
