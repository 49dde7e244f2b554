// Single-use links sent by email: an invitation (72 h) or a password reset (1 h).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { users, userTokens } from "../../db/schema";
import type { Database } from "../../db/client";
import { env } from "../env.server";
import type { UserTokenPurpose } from "../lib/enums";

export const tokenLifetimeMs: Record<UserTokenPurpose, number> = {
  invitation: 72 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};

/** Like a session's: only the hash is stored, so a leaked table opens no account. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** 32 random bytes in base64url: what a link carries. Anything else is no token of ours. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
export const isTokenShaped = (token: string) => tokenPattern.test(token);

/** A new raw token: 256 random bits, too many to guess, so no lookup needs a rate limit. */
export const randomToken = () => randomBytes(32).toString("base64url");

/**
 * Where the links in an email lead. APP_URL when it is set, since a request's Host header is the
 * client's to choose and a reset link must not point elsewhere; else the origin the request came
 * in on (development and the demo, which have no public address).
 */
export function linkOrigin(request: Request): string {
  return env.APP_URL ? new URL(env.APP_URL).origin : new URL(request.url).origin;
}

/** The address of a page that takes a token; in the query, which the request log never writes. */
export const tokenLink = (origin: string, path: "/invitation" | "/reset-password", token: string) =>
  `${origin}${path}?${new URLSearchParams({ token })}`;

/** Stores a new token for `userId` and returns the raw one, which only the email will hold. */
export async function issueToken(
  tx: Database,
  input: { userId: number; purpose: UserTokenPurpose; createdBy: number | null },
) {
  const token = randomToken();
  const [row] = await tx
    .insert(userTokens)
    .values({
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      createdBy: input.createdBy,
      expiresAt: new Date(Date.now() + tokenLifetimeMs[input.purpose]),
    })
    .returning();
  return { token, row: row! };
}

/**
 * The name of whoever sent a token (the inviting admin), for a query on user_tokens. A subquery,
 * not a join: drizzle types a select joining users twice as having no rows.
 */
export const creatorName = sql<string | null>`(select c.name from users c where c.id = ${userTokens.createdBy})`;

const live = and(isNull(userTokens.usedAt), isNull(userTokens.revokedAt), gt(userTokens.expiresAt, sql`now()`));

/**
 * The token's row and its user, if the raw token is one of `purpose` (an invitation never resets a
 * password, nor the reverse), neither used, revoked nor expired, and its user not disabled.
 */
export async function findValidToken(db: Database, token: string, purpose: UserTokenPurpose) {
  if (!isTokenShaped(token)) return null;
  const [found] = await db
    .select({
      tokenId: userTokens.id,
      expiresAt: userTokens.expiresAt,
      /** Who sent the link: the inviting admin's name. */
      createdBy: creatorName,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale },
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose), live, isNull(users.disabledAt)),
    );
  return found ?? null;
}

/**
 * Marks a token used, in the transaction of what it was for; false when it no longer may be (used
 * or revoked meanwhile, or expired): of two requests racing with one token, exactly one gets true.
 */
export async function consumeToken(tx: Database, tokenId: number): Promise<boolean> {
  const used = await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.id, tokenId), live))
    .returning({ id: userTokens.id });
  return used.length === 1;
}

/**
 * Revokes a user's tokens that could still be used: of one purpose, or of every purpose when none
 * is given, sparing `except`. Returns how many.
 */
export async function revokeTokens(
  tx: Database,
  userId: number,
  options: { purpose?: UserTokenPurpose; except?: number } = {},
): Promise<number> {
  const revoked = await tx
    .update(userTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userTokens.userId, userId),
        isNull(userTokens.usedAt),
        isNull(userTokens.revokedAt),
        options.purpose ? eq(userTokens.purpose, options.purpose) : undefined,
        options.except ? ne(userTokens.id, options.except) : undefined,
      ),
    )
    .returning({ id: userTokens.id });
  return revoked.length;
}
