// Passwords: checking one at sign-in, a user's own change, an administrator's new one.
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { hashPassword, unusablePasswordHash, verifyPassword } from "../lib/password.server";
import { recordAudit, type Actor } from "./audit.server";
import { endSessionsOf } from "./session.server";
import { revokeTokens } from "./user-tokens.server";
import { auditView, byEmail } from "./user.server";
import { lockRow, saveVersion } from "./versioned.server";

export async function verifyLogin(db: Database, email: string, password: string) {
  const [user] = await db.select().from(users).where(byEmail(email));
  // Check a password even when there is no such user, so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}

/**
 * Puts a new password on a user, as of the version `expected`: the next version of the row, every
 * session of the user ended, every emailed link revoked, and an audit row (with no hash in it). Null
 * when there is no such user.
 */
async function replacePassword(
  db: Database,
  actor: Actor,
  change: { id: number; expected: number; password: string; action: "change_password" | "set_password" },
) {
  const passwordHash = await hashPassword(change.password);
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, change.id, change.expected, auditView);
    if (!before) return null;
    const after = await saveVersion(tx, users, before, { passwordHash });
    const ended = await endSessionsOf(tx, change.id);
    // A password set any other way voids the emailed links: an open invitation or reset link
    // must not set another one behind it.
    const links = await revokeTokens(tx, change.id);
    await recordAudit(tx, {
      actor,
      action: change.action,
      entityType: "user",
      entityId: change.id,
      before: { version: before.version, sessions: ended, ...(links ? { openLinks: links } : {}) },
      after: { version: after.version, sessions: 0 },
    });
    return after;
  });
}

/**
 * A user's own password change, once the current password is confirmed. Every session of the user
 * ends with the old password (a stolen session too); the caller starts a fresh one for the browser
 * that made the change. Returns false, changing nothing, when the current password is wrong;
 * throws ConflictError when the account changed since the password was checked.
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: { userId: number; currentPassword: string; newPassword: string },
): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) return false;
  // As of the version whose password was checked: a change in between is a conflict.
  const changed = await replacePassword(db, actor, {
    id: user.id,
    expected: user.version,
    password: input.newPassword,
    action: "change_password",
  });
  return !!changed;
}

/**
 * An administrator gives a user a new password (a user can also reset theirs by email): the user's sessions
 * end, and they sign in with the new password and change it on their account page.
 */
export function setPassword(db: Database, actor: Actor, change: { id: number; version: number; password: string }) {
  return replacePassword(db, actor, {
    id: change.id,
    expected: change.version,
    password: change.password,
    action: "set_password",
  });
}
