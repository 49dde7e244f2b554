// The address of a user's calendar feed: its token, finding the user by it, and retiring it.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { lockRow, saveVersion } from "./versioned.server";

/**
 * Calendar clients cannot sign in, so the feed takes a token instead: the user's id and an HMAC
 * of their calendar key. Nothing secret is stored; replacing the key retires the old address.
 */
export function calendarToken(secret: string, user: { id: number; calendarKey: string }) {
  const mac = createHmac("sha256", secret).update(`calendar:${user.id}:${user.calendarKey}`).digest("base64url");
  return `${user.id}.${mac}`;
}

export async function findUserByCalendarToken(db: Database, secret: string, token: string) {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
      calendarKey: users.calendarKey,
    })
    .from(users)
    .where(and(eq(users.id, Number(match[1])), isNull(users.disabledAt)));
  if (!user) return null;
  const expected = Buffer.from(calendarToken(secret, user));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? user : null;
}

/** A new calendar key: the old feed address stops working at once. */
export async function resetCalendarKey(db: Database, actor: Actor, userId: number) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, userId);
    if (!before) return null;
    const after = await saveVersion(tx, users, before, { calendarKey: randomUUID() });
    // The key itself is a secret ingredient: the audit records that it changed, not its value.
    await recordAudit(tx, {
      actor,
      action: "reset_calendar_key",
      entityType: "user",
      entityId: userId,
      before: { version: before.version },
      after: { version: after.version },
    });
    return after;
  });
}
