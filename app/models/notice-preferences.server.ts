// Which email notices a user gets: the preferences of /account, and turning one off from
// an email's unsubscribe link.
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { lockRow, saveVersion } from "./versioned.server";

/** The notices a user may turn off, as unsubscribe links name them. */
export const noticeKinds = ["activities", "commitments", "digest", "followups", "enquiries"] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticePreferences {
  remindActivities: boolean;
  remindCommitments: boolean;
  weeklyDigest: boolean;
  /** Reminders of the visit follow-ups the user owns. */
  remindFollowUps: boolean;
  /** A visitor's request for a knowledge-sharing session (sent to editors and admins only). */
  notifyEnquiries: boolean;
}

/** The users column behind each kind. */
export const noticeColumn = {
  activities: "remindActivities",
  commitments: "remindCommitments",
  digest: "weeklyDigest",
  followups: "remindFollowUps",
  enquiries: "notifyEnquiries",
} as const satisfies Record<NoticeKind, keyof NoticePreferences>;

const view = (u: NoticePreferences) => ({
  remindActivities: u.remindActivities,
  remindCommitments: u.remindCommitments,
  weeklyDigest: u.weeklyDigest,
  remindFollowUps: u.remindFollowUps,
  notifyEnquiries: u.notifyEnquiries,
});

export async function getNoticePreferences(db: Database, userId: number) {
  const [row] = await db
    .select({
      remindActivities: users.remindActivities,
      remindCommitments: users.remindCommitments,
      weeklyDigest: users.weeklyDigest,
      remindFollowUps: users.remindFollowUps,
      notifyEnquiries: users.notifyEnquiries,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * The preferences as the account page saves them; a stale form is a conflict. One left out
 * (`remindFollowUps` from a caller older than it, `notifyEnquiries` from a form that does not offer
 * it) stays as it is.
 */
export async function updateNoticePreferences(
  db: Database,
  actor: Actor,
  change: Omit<NoticePreferences, "remindFollowUps" | "notifyEnquiries"> &
    Partial<Pick<NoticePreferences, "remindFollowUps" | "notifyEnquiries">> & { id: number; version: number },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, change.id, change.version);
    if (!before) return null;
    const after = await saveVersion(
      tx,
      users,
      before,
      view({
        ...change,
        remindFollowUps: change.remindFollowUps ?? before.remindFollowUps,
        notifyEnquiries: change.notifyEnquiries ?? before.notifyEnquiries,
      }),
    );
    await recordAudit(tx, {
      actor,
      action: "update_notices",
      entityType: "user",
      entityId: change.id,
      before: view(before),
      after: view(after),
    });
    return after;
  });
}

/**
 * Turns one notice off, as an email's one-click unsubscribe asks: no version, since a mail client
 * posts it without having read anything. Null when there is no such user; `changed` is false when
 * it was off already (nothing written, nothing audited).
 */
export async function disableNotice(db: Database, actor: Actor, userId: number, kind: NoticeKind) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, userId);
    if (!before) return null;
    const column = noticeColumn[kind];
    if (!before[column]) return { changed: false };
    await saveVersion(tx, users, before, { [column]: false });
    await recordAudit(tx, {
      actor,
      action: "unsubscribe",
      entityType: "user",
      entityId: userId,
      before: { [column]: true },
      after: { [column]: false },
    });
    return { changed: true };
  });
}
