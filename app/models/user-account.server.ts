// A user's own account page: what it shows and the preferences they set there.
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { auditView } from "./user.server";
import { lockRow, saveVersion } from "./versioned.server";

export async function getAccount(db: Database, userId: number) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
      calendarKey: users.calendarKey,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? null;
}

/** The user's own preferences; a stale form is a conflict, as everywhere. */
export async function updatePreferences(
  db: Database,
  actor: Actor,
  change: { id: number; version: number; timeZone: string; locale: string | null },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, change.id, change.version, auditView);
    if (!before) return null;
    const after = await saveVersion(tx, users, before, { timeZone: change.timeZone, locale: change.locale });
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "user",
      entityId: change.id,
      before: { timeZone: before.timeZone, locale: before.locale },
      after: { timeZone: after.timeZone, locale: after.locale },
    });
    return after;
  });
}
