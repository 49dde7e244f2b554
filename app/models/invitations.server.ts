// Invitations as an administrator manages them: invite, the pending list, send again, withdraw.
import { and, eq, isNull } from "drizzle-orm";
import { users, userTokens, type User } from "../../db/schema";
import type { Database } from "../../db/client";
import { isLanguage, type Language } from "../i18n/config";
import type { Role } from "../lib/enums";
import { unusablePasswordHash } from "../lib/password.server";
import { queueMail } from "../mail/queue.server";
import { invitationMail } from "../mail/templates/invitation";
import { recordAudit } from "./audit.server";
import { RuleError } from "./errors.server";
import { issueToken, revokeTokens, tokenLink } from "./user-tokens.server";
import { auditView, insertUser } from "./user.server";
import { lockRow } from "./versioned.server";

/** The admin who invites: named in the email. */
export interface Inviter {
  userId: number;
  name: string;
}

export interface NewInvitation {
  email: string;
  name: string;
  role: Role;
  organizationId?: number | null;
  /** The invitee's language: the email's, and their account's from then on. */
  language: Language;
}

/** A new token for the invitee and its email, queued in the caller's transaction. */
async function sendInvitation(tx: Database, inviter: Inviter, user: User, origin: string) {
  const { token, row } = await issueToken(tx, { userId: user.id, purpose: "invitation", createdBy: inviter.userId });
  const lang: Language = isLanguage(user.locale) ? user.locale : "en";
  const message = await invitationMail({
    lang,
    origin,
    link: tokenLink(origin, "/invitation", token),
    name: user.name,
    role: user.role,
    inviter: inviter.name,
  });
  await queueMail(
    tx,
    { kind: "invitation", to: { address: user.email, name: user.name, userId: user.id }, locale: lang },
    message,
  );
  return row;
}

/**
 * Creates the invitee's account with a password nobody can type, its 72-hour token and the queued
 * email, all in one transaction: an invitation whose user rolled back never goes out.
 */
export async function inviteUser(db: Database, inviter: Inviter, input: NewInvitation, origin: string) {
  return db.transaction(async (tx) => {
    const actor = { userId: inviter.userId };
    const user = await insertUser(tx, actor, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: unusablePasswordHash,
      locale: input.language,
      organizationId: input.organizationId,
    });
    const token = await sendInvitation(tx, inviter, user, origin);
    await recordAudit(tx, {
      actor,
      action: "invite",
      entityType: "user",
      entityId: user.id,
      after: { expiresAt: token.expiresAt.toISOString(), language: input.language },
    });
    return user;
  });
}

/**
 * The invitee's row, locked, at the version the admin saw, if an invitation of theirs is still
 * open (neither accepted nor withdrawn; expired is still open: it can be sent again).
 */
async function lockPending(tx: Database, change: { id: number; version: number }) {
  const user = await lockRow(tx, users, change.id, change.version, auditView);
  if (!user) return null;
  const [open] = await tx
    .select({ id: userTokens.id })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, user.id),
        eq(userTokens.purpose, "invitation"),
        isNull(userTokens.usedAt),
        isNull(userTokens.revokedAt),
      ),
    )
    .limit(1);
  if (!open) throw new RuleError("form", "access.notPending", undefined, 409);
  return user;
}

/** Sends a new link: the earlier one stops working, the new one has 72 hours again. */
export async function resendInvitation(
  db: Database,
  inviter: Inviter,
  change: { id: number; version: number },
  origin: string,
) {
  return db.transaction(async (tx) => {
    const user = await lockPending(tx, change);
    if (!user) return null;
    const revoked = await revokeTokens(tx, user.id, { purpose: "invitation" });
    const token = await sendInvitation(tx, inviter, user, origin);
    await recordAudit(tx, {
      actor: { userId: inviter.userId },
      action: "resend_invitation",
      entityType: "user",
      entityId: user.id,
      before: { openInvitations: revoked },
      after: { expiresAt: token.expiresAt.toISOString() },
    });
    return user;
  });
}

/**
 * Withdraws an invitation by removing the account that waited for it, rather than disabling it: it
 * never signed in, so nothing of its own remains, and the address is free for a new invitation
 * (with a corrected role or name) instead of being held by a disabled account nobody used.
 */
export async function revokeInvitation(db: Database, inviter: Inviter, change: { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const user = await lockPending(tx, change);
    if (!user) return null;
    // Its tokens go with it (ON DELETE CASCADE); its queued mail stays, unlinked, as the record of what was sent.
    await tx.delete(users).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor: { userId: inviter.userId },
      action: "revoke_invitation",
      entityType: "user",
      entityId: user.id,
      before: auditView(user),
    });
    return user;
  });
}
