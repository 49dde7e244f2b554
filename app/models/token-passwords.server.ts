// A password set through a single-use link: accepting an invitation, or a reset by email.
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { isLanguage, type Language } from "../i18n/config";
import type { UserTokenPurpose } from "../lib/enums";
import { hashPassword } from "../lib/password.server";
import { queueMail } from "../mail/queue.server";
import { passwordChangedMail } from "../mail/templates/password-changed";
import { recordAudit } from "./audit.server";
import { clearRateLimit, passwordGuesses } from "./rate-limit.server";
import { createSession, deleteSession, endSessionsOf } from "./session.server";
import { consumeToken, findValidToken, revokeTokens } from "./user-tokens.server";
import { lockRow, saveVersion } from "./versioned.server";

interface TokenPassword {
  token: string;
  password: string;
  /** The session the browser had before, which ends: the browser is now this user's. */
  previousToken: string | null;
  meta: { ipAddress?: string; userAgent?: string };
  /** For the "password changed" email of a reset: its origin, and the language when the user has none. */
  mail?: { origin: string; fallbackLanguage: Language };
}

const actions: Record<UserTokenPurpose, string> = {
  invitation: "accept_invitation",
  password_reset: "reset_password",
};

/**
 * Uses the token once, in one transaction: the token used, the new password as the user's next
 * version, every session of the user ended and every other link of theirs revoked, an audit row,
 * for a reset the "password changed" email, and a new session for this browser. Null, changing
 * nothing, when the token is not (or no longer) good for `purpose`. Returns the session's token.
 */
async function setPasswordWithToken(db: Database, purpose: UserTokenPurpose, input: TokenPassword) {
  const found = await findValidToken(db, input.token, purpose);
  if (!found) return null;
  const passwordHash = await hashPassword(input.password);
  // The user's own language when they chose one, else the one they are reading this site in.
  const lang = isLanguage(found.user.locale) ? found.user.locale : (input.mail?.fallbackLanguage ?? "en");
  const message = input.mail
    ? await passwordChangedMail({
        lang,
        origin: input.mail.origin,
        name: found.user.name,
        email: found.user.email,
      })
    : null;
  return db.transaction(async (tx) => {
    // The user first, then the token, as every write to a user locks it: a disabling in between wins.
    const before = await lockRow(tx, users, found.user.id);
    if (!before || before.disabledAt || !(await consumeToken(tx, found.tokenId))) return null;
    const after = await saveVersion(tx, users, before, { passwordHash });
    const ended = await endSessionsOf(tx, before.id);
    const revoked = await revokeTokens(tx, before.id);
    await recordAudit(tx, {
      actor: { userId: before.id },
      action: actions[purpose],
      entityType: "user",
      entityId: before.id,
      before: { version: before.version, sessions: ended },
      after: { version: after.version, sessions: 0, linksRevoked: revoked },
    });
    if (message) {
      await queueMail(
        tx,
        {
          kind: "password_changed",
          to: { address: after.email, name: after.name, userId: after.id },
          locale: lang,
        },
        message,
      );
    }
    // Guesses at the old password no longer matter: the owner is in.
    await clearRateLimit(tx, passwordGuesses.accountKey(after.email));
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    return createSession(tx, before.id, input.meta);
  });
}

/** The invitee chooses a password and is signed in. */
export const acceptInvitation = (db: Database, input: Omit<TokenPassword, "mail">) =>
  setPasswordWithToken(db, "invitation", input);

/** A user who forgot their password sets a new one and is signed in; they are told by email. */
export const resetPassword = (db: Database, input: TokenPassword & Required<Pick<TokenPassword, "mail">>) =>
  setPasswordWithToken(db, "password_reset", input);
