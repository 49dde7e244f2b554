import { and, eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { hashParameters, hashPassword, needsRehash } from "../lib/password.server";
import { recordAudit } from "./audit.server";
import { clearRateLimit, releaseRateLimit } from "./rate-limit.server";
import { createSession, deleteSession } from "./session.server";

interface SignIn {
  /** The user whose password was just verified, with the hash it was verified against. */
  user: { id: number; passwordHash: string };
  /** The password as typed: a hash made with weaker parameters is redone from it. */
  password: string;
  /** The session the browser had before, which ends with this sign-in. */
  previousToken: string | null;
  /** The rate-limit counters the attempt was counted against: a good sign-in takes it back. */
  rateLimit: { accountKey: string; addressKey: string };
  meta: { ipAddress?: string; userAgent?: string };
}

/**
 * What a successful sign-in writes, in one transaction: its attempt taken back from the rate
 * limits, the browser's previous session ended, a new one started, and a password hash made with
 * weaker parameters than today's replaced (hashed before the transaction: scrypt is slow).
 * Returns the new session's token.
 */
export async function completeSignIn(db: Database, input: SignIn) {
  const upgraded = needsRehash(input.user.passwordHash) ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    await clearRateLimit(tx, input.rateLimit.accountKey);
    await releaseRateLimit(tx, input.rateLimit.addressKey);
    if (upgraded) await upgradePasswordHash(tx, input.user, upgraded);
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    return createSession(tx, input.user.id, input.meta);
  });
}

/**
 * Stores a stronger hash of the same password, only if the stored one is still the one verified
 * (a password change in between wins). The audit row names the parameters, never the hash. The
 * user's version stays: nothing a form shows changed, so no open form of the user goes stale.
 */
async function upgradePasswordHash(tx: Database, user: { id: number; passwordHash: string }, passwordHash: string) {
  const updated = await tx
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
    .returning({ id: users.id });
  if (!updated.length) return;
  await recordAudit(tx, {
    actor: { userId: user.id },
    action: "rehash_password",
    entityType: "user",
    entityId: user.id,
    before: { hash: hashParameters(user.passwordHash) },
    after: { hash: hashParameters(passwordHash) },
  });
}
