// "Forgot password": asking for a reset link by email, limited per address typed and per client.
import { and, isNull } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { isLanguage, type Language } from "../i18n/config";
import { queueMail } from "../mail/queue.server";
import { passwordResetMail } from "../mail/templates/password-reset";
import { recordAudit } from "./audit.server";
import { hitRateLimit } from "./rate-limit.server";
import { issueToken, revokeTokens, tokenLink } from "./user-tokens.server";
import { byEmail } from "./user.server";

/**
 * Per account: an inbox is not flooded with links, whoever asks. It counts the address as typed,
 * whether or not it has an account, so being limited says nothing about who has one. Per client:
 * one client cannot probe or flood many addresses (a ministry behind one address still has room).
 */
export const resetRequests = {
  windowMs: 60 * 60 * 1000,
  perAccount: 3,
  perAddress: 20,
  accountKey: (email: string) => `reset:account:${email.trim().toLowerCase()}`,
  addressKey: (address: string) => `reset:address:${address}`,
};

/** Counts one request against both limits: the minutes to wait when either is exceeded, else null. */
export async function countResetRequest(db: Database, email: string, clientAddress: string) {
  const { windowMs, perAccount, perAddress } = resetRequests;
  const [account, address] = await Promise.all([
    hitRateLimit(db, resetRequests.accountKey(email), windowMs),
    hitRateLimit(db, resetRequests.addressKey(clientAddress), windowMs),
  ]);
  const blocked = [account.count > perAccount && account, address.count > perAddress && address].filter(Boolean);
  if (!blocked.length) return null;
  const until = Math.max(...blocked.map((b) => (b ? b.resetAt.getTime() : 0)));
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

/**
 * Sends a one-hour reset link when `email` belongs to an enabled account, in the user's language
 * (or the one they read the site in): the earlier links stop working, so one is good at a time.
 * Says nothing either way, and does the slow part (rendering the email) either way too, so that
 * neither the answer nor its time tells whether the address has an account.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; origin: string; language: Language },
): Promise<void> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(byEmail(input.email), isNull(users.disabledAt)));
  const lang = isLanguage(user?.locale) ? user.locale : input.language;
  const compose = (token: string) =>
    passwordResetMail({
      lang,
      origin: input.origin,
      link: tokenLink(input.origin, "/reset-password", token),
      name: user?.name ?? "",
      email: user?.email ?? input.email,
    });
  if (!user) {
    await compose("0".repeat(43));
    return;
  }
  await db.transaction(async (tx) => {
    await revokeTokens(tx, user.id, { purpose: "password_reset" });
    const { token, row } = await issueToken(tx, { userId: user.id, purpose: "password_reset", createdBy: null });
    await queueMail(
      tx,
      { kind: "password_reset", to: { address: user.email, name: user.name, userId: user.id }, locale: lang },
      await compose(token),
    );
    await recordAudit(tx, {
      actor: { label: "system" },
      action: "request_password_reset",
      entityType: "user",
      entityId: user.id,
      after: { expiresAt: row.expiresAt.toISOString() },
    });
  });
}
