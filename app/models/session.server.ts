import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { sessions, users, type User } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { dataVersionColumns, readDataVersion, type DataVersion } from "./data-version.server";

export const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
// Extending the expiry on every request would write on every request; once a day is enough.
const extendAfterMs = 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "timeZone" | "locale">;

export async function createSession(
  db: Database,
  userId: number,
  meta: { ipAddress?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    ipAddress: meta.ipAddress,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, expiresAt };
}

/**
 * The user a session token belongs to, if the session is current and the user not disabled.
 * `renewed`: the session's expiry was just pushed back, so the cookie's should be too.
 * `dataVersion`: where the data stood, read in the same statement: a signed-in person's cached
 * pages tag themselves with it (lib/http-cache.server.ts) rather than ask for it again.
 */
export async function findSessionUser(
  db: Database,
  token: string,
): Promise<(SessionUser & { renewed: boolean; dataVersion: DataVersion }) | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
      expiresAt: sessions.expiresAt,
      ...dataVersionColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)));
  if (!row) return null;
  const { expiresAt, auditId, auditRecent, ...user } = row;
  const renewed = expiresAt.getTime() - Date.now() < sessionLifetimeMs - extendAfterMs;
  if (renewed) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + sessionLifetimeMs), lastSeenAt: new Date() })
      .where(eq(sessions.id, id));
  }
  return { ...user, renewed, dataVersion: readDataVersion({ auditId, auditRecent }) };
}

export async function deleteSession(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user ("sign out everywhere"), recorded in the audit log. */
export async function deleteUserSessions(db: Database, actor: Actor, userId: number) {
  await db.transaction(async (tx) => {
    const ended = await endSessionsOf(tx, userId);
    await recordAudit(tx, {
      actor,
      action: "end_sessions",
      entityType: "user",
      entityId: userId,
      before: { sessions: ended },
      after: { sessions: 0 },
    });
  });
}

/**
 * Ends every session of every user, recorded in the audit log: after a restore, sessions must not
 * outlive the data they were opened against (a restored copy may hold sessions since ended, or of
 * accounts since disabled).
 */
export async function endAllSessions(db: Database, actor: Actor, reason: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).returning({ id: sessions.id });
    await recordAudit(tx, {
      actor,
      action: "end_sessions",
      entityType: "database",
      entityId: "sessions",
      before: { sessions: ended.length },
      after: { sessions: 0, reason },
    });
    return ended.length;
  });
}

/** Ends every session of a user, as a step of a change its caller audits; how many there were. */
export async function endSessionsOf(tx: Database, userId: number): Promise<number> {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

export async function deleteExpiredSessions(db: Database) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
