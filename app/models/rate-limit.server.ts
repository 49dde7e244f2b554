import { eq, inArray, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Database } from "../../db/client";

/**
 * Guessing passwords. Per account: slows guessing one password, whether at sign-in or on the
 * account page with a session left open; per address: slows trying many accounts.
 */
export const passwordGuesses = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  // A ministry signs in from behind one address: the per-address limit must leave room for many people.
  perAddress: 50,
  accountKey: (email: string) => `login:account:${email.trim().toLowerCase()}`,
  addressKey: (address: string) => `login:address:${address}`,
};

/** Counts one event against `key` in a fixed window; returns the count and when the window ends. */
export async function hitRateLimit(db: Database, key: string, windowMs: number) {
  const resetAt = new Date(Date.now() + windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= now() then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning();
  return row!;
}

export async function clearRateLimit(db: Database, key: string) {
  await db.delete(rateLimits).where(inArray(rateLimits.key, [key]));
}

/** Takes one counted event back, e.g. when the attempt turned out to be a good sign-in. */
export async function releaseRateLimit(db: Database, key: string) {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
