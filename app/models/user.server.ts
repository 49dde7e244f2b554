import { and, asc, eq, sql } from "drizzle-orm";
import { sessions, users, type Role, type User } from "../../db/schema";
import type { Database } from "../db.server";
import { hashPassword, unusablePasswordHash, verifyPassword } from "../lib/password.server";
import { recordAudit, type Actor } from "./audit.server";

export class ConflictError extends Error {
  constructor(public current: unknown) {
    super("The record was changed by someone else.");
  }
}

export class DuplicateError extends Error {}

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** What the audit log keeps of a user: never the password hash. */
function auditView(u: User) {
  const { passwordHash: _omit, ...rest } = u;
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
      disabledAt: users.disabledAt,
      version: users.version,
      activeSessions: sql<number>`(select count(*)::int from ${sessions} s where s.user_id = ${users.id} and s.expires_at > now())`,
    })
    .from(users)
    .orderBy(asc(users.email));
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  timeZone?: string;
}

export async function createUser(db: Database, actor: Actor, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(byEmail(input.email));
    if (existing) throw new DuplicateError(input.email);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        timeZone: input.timeZone ?? "Asia/Jakarta",
      })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "user", entityId: user!.id, after: auditView(user!) });
    return user!;
  });
}

export interface UserChange {
  id: number;
  version: number;
  role?: Role;
  disabled?: boolean;
}

/** Changes a user's role or access; disabling ends every session of the user at once. */
export async function updateUser(db: Database, actor: Actor, change: UserChange) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, change.id)).for("update");
    if (!before) return null;
    if (before.version !== change.version) throw new ConflictError(auditView(before));
    const disabledAt =
      change.disabled === undefined ? before.disabledAt : change.disabled ? (before.disabledAt ?? new Date()) : null;
    const [after] = await tx
      .update(users)
      .set({
        role: change.role ?? before.role,
        disabledAt,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, change.id), eq(users.version, change.version)))
      .returning();
    if (disabledAt) await tx.delete(sessions).where(eq(sessions.userId, change.id));
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "user",
      entityId: change.id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}
