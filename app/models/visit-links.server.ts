// Secret links into one visit that work without a session (decision 21): a calendar app's
// subscription to a visit's or a member's programme, and a delegation member's own briefing for a
// member who has no account. Only the token's hash is stored, as for user_tokens.
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { activities, users, visitLinks, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { VisitLinkPurpose } from "../lib/enums";
import { recordAudit, type Actor } from "./audit.server";
import { hashToken, isTokenShaped, randomToken } from "./user-tokens.server";

/** A link lives until 30 days after its visit ends (or after it was made, if that is later). */
const afterVisitMs = 30 * 24 * 60 * 60 * 1000;

/** Whose link: a delegation member's (null: the whole visit's calendar), held by an account or by the member. */
export interface VisitLinkHolder {
  visitId: number;
  purpose: VisitLinkPurpose;
  memberId: number | null;
  userId: number | null;
}

/** The address a link opens; the token goes in the query, which the request log never writes. */
export function visitLinkPath(link: Omit<VisitLinkHolder, "userId">, token: string): string {
  const query = `?${new URLSearchParams({ token })}`;
  if (link.purpose === "briefing") return `/visits/${link.visitId}/members/${link.memberId}/briefing${query}`;
  return link.memberId == null
    ? `/visits/${link.visitId}/calendar.ics${query}`
    : `/visits/${link.visitId}/members/${link.memberId}/calendar.ics${query}`;
}

const sameHolder = (holder: VisitLinkHolder) =>
  and(
    eq(visitLinks.visitId, holder.visitId),
    eq(visitLinks.purpose, holder.purpose),
    holder.memberId == null ? isNull(visitLinks.memberId) : eq(visitLinks.memberId, holder.memberId),
    holder.userId == null ? isNull(visitLinks.userId) : eq(visitLinks.userId, holder.userId),
  );

const live = () =>
  and(isNull(visitLinks.revokedAt), or(isNull(visitLinks.expiresAt), gt(visitLinks.expiresAt, sql`now()`)));

/**
 * Revokes the holder's live links and writes the audit row; a step inside a transaction.
 * Returns the revoked links' ids.
 */
async function revokeHeld(tx: Database, actor: Actor, holder: VisitLinkHolder): Promise<number[]> {
  const revoked = await tx
    .update(visitLinks)
    .set({ revokedAt: new Date() })
    .where(and(sameHolder(holder), isNull(visitLinks.revokedAt)))
    .returning({ id: visitLinks.id });
  const ids = revoked.map((r) => r.id);
  if (ids.length) {
    await recordAudit(tx, {
      actor,
      action: "revoke_visit_link",
      entityType: "visit",
      entityId: holder.visitId,
      after: { purpose: holder.purpose, memberId: holder.memberId, userId: holder.userId, revoked: ids },
    });
  }
  return ids;
}

/**
 * A new link for `holder`, revoking the one they held ("make a new link"), with its audit row: a
 * step inside the caller's transaction (issueVisitLink's, issueBriefing's). Null when the visit,
 * or the member in its delegation, does not exist. Returns the raw token, which only the answer
 * (or the mail) holds.
 */
export async function issueVisitLinkIn(tx: Database, actor: Actor, holder: VisitLinkHolder, now = new Date()) {
  const [visit] = await tx
    .select({ endsAt: activities.endsAt, memberId: visitMembers.id })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .leftJoin(
      visitMembers,
      and(
        eq(visitMembers.visitId, visits.activityId),
        eq(visitMembers.id, holder.memberId ?? -1),
        eq(visitMembers.side, "delegation"),
      ),
    )
    .where(eq(visits.activityId, holder.visitId));
  if (!visit || (holder.memberId != null && visit.memberId == null)) return null;
  const revoked = await revokeHeld(tx, actor, holder);
  const token = randomToken();
  const expiresAt = new Date(Math.max(now.getTime(), visit.endsAt.getTime()) + afterVisitMs);
  const [row] = await tx
    .insert(visitLinks)
    .values({ ...holder, tokenHash: hashToken(token), createdBy: "userId" in actor ? actor.userId : null, expiresAt })
    .returning({ id: visitLinks.id, createdAt: visitLinks.createdAt, expiresAt: visitLinks.expiresAt });
  // The token is a secret: the audit names the link, never its value.
  await recordAudit(tx, {
    actor,
    action: "issue_visit_link",
    entityType: "visit",
    entityId: holder.visitId,
    after: { linkId: row!.id, ...holder, expiresAt: expiresAt.toISOString(), replaced: revoked },
  });
  return { token, path: visitLinkPath(holder, token), ...row! };
}

/** A new link for `holder` in its own transaction; see issueVisitLinkIn. */
export async function issueVisitLink(db: Database, actor: Actor, holder: VisitLinkHolder) {
  return db.transaction((tx) => issueVisitLinkIn(tx, actor, holder));
}

/** Revokes the holder's live links, with the audit row. Returns how many. */
export async function revokeVisitLinks(db: Database, actor: Actor, holder: VisitLinkHolder): Promise<number> {
  return db.transaction(async (tx) => (await revokeHeld(tx, actor, holder)).length);
}

/**
 * The link `token` is, if it opens `purpose` of exactly this visit and member (null: the whole
 * visit) and is neither revoked nor expired, its account (if any) enabled and its member still in
 * the delegation. The token is found by its hash: equal hashes are the only match, and no timing
 * tells anything about the token itself.
 */
export async function findVisitLink(
  db: Database,
  token: string,
  want: { visitId: number; purpose: VisitLinkPurpose; memberId: number | null },
) {
  if (!isTokenShaped(token)) return null;
  const [found] = await db
    .select({ id: visitLinks.id, userId: visitLinks.userId, memberId: visitLinks.memberId })
    .from(visitLinks)
    .leftJoin(users, eq(users.id, visitLinks.userId))
    .leftJoin(visitMembers, eq(visitMembers.id, visitLinks.memberId))
    .where(
      and(
        eq(visitLinks.tokenHash, hashToken(token)),
        eq(visitLinks.visitId, want.visitId),
        eq(visitLinks.purpose, want.purpose),
        want.memberId == null ? isNull(visitLinks.memberId) : eq(visitLinks.memberId, want.memberId),
        live(),
        or(isNull(visitLinks.userId), isNull(users.disabledAt)),
        or(isNull(visitLinks.memberId), eq(visitMembers.side, "delegation")),
      ),
    );
  return found ?? null;
}

/**
 * The live links of one visit the briefing page tells `userId` about: their own calendar
 * subscriptions, and (for the visit's editors) every member's personal briefing link.
 */
export async function visitLinksOf(db: Database, visitId: number, reader: { userId: number; canEdit: boolean }) {
  const rows = await db
    .select({
      id: visitLinks.id,
      purpose: visitLinks.purpose,
      memberId: visitLinks.memberId,
      userId: visitLinks.userId,
      createdAt: visitLinks.createdAt,
      expiresAt: visitLinks.expiresAt,
    })
    .from(visitLinks)
    .where(
      and(
        eq(visitLinks.visitId, visitId),
        live(),
        reader.canEdit
          ? or(eq(visitLinks.userId, reader.userId), eq(visitLinks.purpose, "briefing"))
          : eq(visitLinks.userId, reader.userId),
      ),
    )
    .orderBy(desc(visitLinks.createdAt));
  return {
    calendar: rows.filter((r) => r.purpose === "calendar" && r.userId === reader.userId),
    briefing: rows.filter((r) => r.purpose === "briefing"),
  };
}

export type VisitLinks = Awaited<ReturnType<typeof visitLinksOf>>;
