import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { organizations, users, type User } from "../../db/schema";
import { type Role } from "../lib/enums";
import type { Database } from "../../db/client";
import { hashPassword, unusablePasswordHash, verifyPassword } from "../lib/password.server";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { endSessionsOf } from "./session.server";
import { lockRow, saveVersion } from "./versioned.server";

export class DuplicateError extends Error {}

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** What the audit log keeps of a user: never the password hash. */
function auditView(u: User) {
  const { passwordHash: _hash, calendarKey: _key, ...rest } = u;
  return rest;
}

export async function verifyLogin(db: Database, email: string, password: string) {
  const [user] = await db.select().from(users).where(byEmail(email));
  // Check a password even when there is no such user, so timing does not reveal who has an account.
  const ok = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}

export function listUsers(db: Database) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      organizationId: users.organizationId,
      disabledAt: users.disabledAt,
      version: users.version,
      // Spelled out: inside the subquery drizzle would render users.id as a bare "id".
      activeSessions: sql<number>`(select count(*)::int from sessions s where s.user_id = "users"."id" and s.expires_at > now())`,
    })
    .from(users)
    .orderBy(asc(users.email));
}

interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  timeZone?: string;
  organizationId?: number | null;
}

/** A user's organization must exist: the form offers only existing ones, but one may go meanwhile. */
async function checkOrganization(tx: Database, organizationId: number | null | undefined) {
  if (!organizationId) return;
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("organizationId", "validation.invalidChoice");
}

export async function createUser(db: Database, actor: Actor, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(byEmail(input.email));
    if (existing) throw new DuplicateError(input.email);
    await checkOrganization(tx, input.organizationId);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        timeZone: input.timeZone ?? "Asia/Jakarta",
        organizationId: input.organizationId ?? null,
      })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "user", entityId: user!.id, after: auditView(user!) });
    return user!;
  });
}

interface UserChange {
  id: number;
  version: number;
  role?: Role;
  disabled?: boolean;
  /** Null: no organization (and so no side to confirm for); undefined: unchanged. */
  organizationId?: number | null;
}

/** Changes a user's role, organization or access; disabling ends every session of the user at once. */
export async function updateUser(db: Database, actor: Actor, change: UserChange) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, users, change.id, change.version, auditView);
    if (!before) return null;
    const disabledAt =
      change.disabled === undefined ? before.disabledAt : change.disabled ? (before.disabledAt ?? new Date()) : null;
    const organizationId = change.organizationId === undefined ? before.organizationId : change.organizationId;
    if (organizationId !== before.organizationId) await checkOrganization(tx, organizationId);
    const after = await saveVersion(tx, users, before, {
      role: change.role ?? before.role,
      organizationId,
      disabledAt,
    });
    const ended = disabledAt ? await endSessionsOf(tx, change.id) : 0;
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "user",
      entityId: change.id,
      before: auditView(before),
      after: { ...auditView(after), ...(ended ? { sessionsEnded: ended } : {}) },
    });
    return after;
  });
}

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

/**
 * Puts a new password on a user, as of the version `expected`: the next version of the row, every
 * session of the user ended, and an audit row (with no hash in it). Null when there is no such user.
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
    await recordAudit(tx, {
      actor,
      action: change.action,
      entityType: "user",
      entityId: change.id,
      before: { version: before.version, sessions: ended },
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
 * An administrator gives a user a new password (there is no reset by email): the user's sessions
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
