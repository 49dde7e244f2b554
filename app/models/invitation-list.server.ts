// The invitations an administrator sees waiting on the users page.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { users, userTokens } from "../../db/schema";
import type { Database } from "../../db/client";
import { creatorName } from "./user-tokens.server";

/**
 * Invitations not yet accepted nor withdrawn, newest first (each has one open token at most). The
 * table holds a row per link ever sent, few next to anything else here; the newest `limit` are shown.
 */
export function listPendingInvitations(db: Database, limit = 100) {
  return db
    .select({
      id: users.id,
      version: users.version,
      email: users.email,
      name: users.name,
      role: users.role,
      invitedAt: userTokens.createdAt,
      expiresAt: userTokens.expiresAt,
      /** By the database's clock, as the link itself is checked. */
      expired: sql<boolean>`${userTokens.expiresAt} <= now()`,
      invitedBy: creatorName,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.purpose, "invitation"), isNull(userTokens.usedAt), isNull(userTokens.revokedAt)))
    .orderBy(desc(userTokens.createdAt))
    .limit(limit);
}
