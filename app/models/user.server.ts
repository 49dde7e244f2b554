// Users as an administrator manages them: the list, a new user, a change of role, organization or access.
import { asc, eq, sql } from "drizzle-orm";
import { organizations, users, type User } from "../../db/schema";
import { type Role } from "../lib/enums";
import type { Database } from "../../db/client";
import { hashPassword } from "../lib/password.server";
import { recordAudit, type Actor } from "./audit.server";
import { DuplicateError, RuleError } from "./errors.server";
import { endSessionsOf } from "./session.server";
import { revokeTokens } from "./user-tokens.server";
import { lockRow, saveVersion } from "./versioned.server";

export { DuplicateError };

export const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** What the audit log keeps of a user: never the password hash. */
export function auditView(u: User) {
  const { passwordHash: _hash, calendarKey: _key, ...rest } = u;
  return rest;
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
      // Waiting for an invitation to be accepted, as the pending list counts it (an expired link
      // too: it can be sent again). By the index on user_tokens (user_id, purpose).
      invited: sql<boolean>`exists (select 1 from user_tokens t where t.user_id = "users"."id" and t.purpose = 'invitation' and t.used_at is null and t.revoked_at is null)`,
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
export async function checkOrganization(tx: Database, organizationId: number | null | undefined) {
  if (!organizationId) return;
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("organizationId", "validation.invalidChoice");
}

export async function createUser(db: Database, actor: Actor, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) =>
    insertUser(tx, actor, { ...input, passwordHash, timeZone: input.timeZone ?? "Asia/Jakarta" }),
  );
}

/**
 * A new account, in the caller's transaction, with its audit row: the address must be free (in
 * any letter case) and the organization must exist. Shared by createUser and inviteUser.
 */
export async function insertUser(
  tx: Database,
  actor: Actor,
  values: Pick<typeof users.$inferInsert, "email" | "name" | "role" | "passwordHash" | "timeZone" | "locale"> & {
    organizationId?: number | null;
  },
) {
  const [existing] = await tx.select({ id: users.id }).from(users).where(byEmail(values.email));
  if (existing) throw new DuplicateError("email", "users.emailTaken");
  await checkOrganization(tx, values.organizationId);
  const [user] = await tx
    .insert(users)
    .values({
      ...values,
      email: values.email.trim(),
      name: values.name.trim(),
      organizationId: values.organizationId ?? null,
    })
    .returning();
  await recordAudit(tx, { actor, action: "create", entityType: "user", entityId: user!.id, after: auditView(user!) });
  return user!;
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
    // A disabled account's emailed links would lead nowhere: they stop with it.
    if (disabledAt && !before.disabledAt) await revokeTokens(tx, change.id);
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
