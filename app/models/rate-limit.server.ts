import { inArray, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Database } from "../db.server";

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

/** The earliest time at which none of `keys` is at or over `limit`, or null if none is. */
export async function blockedUntil(db: Database, keys: string[], limit: number): Promise<Date | null> {
  const rows = await db.select().from(rateLimits).where(inArray(rateLimits.key, keys));
  const now = Date.now();
  const blocking = rows.filter((r) => r.count >= limit && r.resetAt.getTime() > now);
  if (!blocking.length) return null;
  return new Date(Math.max(...blocking.map((r) => r.resetAt.getTime())));
}

export async function clearRateLimit(db: Database, key: string) {
  await db.delete(rateLimits).where(inArray(rateLimits.key, [key]));
}
