// Issuing a visit's briefing pack: the visit records when, and every delegation member who can be
// reached (their account's address, else the person's own) gets a mail with the link to their own
// version and their calendar, all in one transaction with the audit row (decision 12's outbox). A
// member without an account cannot sign in, so their mail carries personal links instead, made
// anew on each issue (the older ones revoked; decision 21).
import { and, asc, eq } from "drizzle-orm";
import { activities, people, users, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { isLanguage, type Language } from "../i18n/config";
import { translatorFor } from "../i18n/i18n.server";
import { createFormatter } from "../lib/format";
import { localized } from "../lib/localized";
import { visitDateRange } from "../lib/visit-dates";
import { queueMail } from "../mail/queue.server";
import { briefingPackMail } from "../mail/templates/briefing-pack";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError } from "./errors.server";
import { issueVisitLinkIn } from "./visit-links.server";

/** The versions of the visit the editor read the briefing at: any change since makes the issue stale. */
export interface IssuedVersions {
  version: number;
  itineraryVersion: number;
  delegationVersion: number;
}

/** The addresses of a member's briefing and calendar. */
export const memberBriefingPath = (visitId: number, memberId: number) =>
  `/visits/${visitId}/briefing?member=${memberId}`;
export const memberCalendarPath = (visitId: number, memberId: number) =>
  `/visits/${visitId}/members/${memberId}/calendar.ics`;

/**
 * The delegation's members who can be mailed, in protocol order: an enabled account's address
 * first, else the person's own; in the account's language, else the first the person speaks.
 */
export async function briefingRecipients(tx: Database, visitId: number) {
  const rows = await tx
    .select({
      memberId: visitMembers.id,
      name: people.name,
      personEmail: people.email,
      languages: people.languages,
      userId: users.id,
      userEmail: users.email,
      locale: users.locale,
      disabledAt: users.disabledAt,
    })
    .from(visitMembers)
    .innerJoin(people, eq(people.id, visitMembers.personId))
    .leftJoin(users, eq(users.id, people.userId))
    .where(and(eq(visitMembers.visitId, visitId), eq(visitMembers.side, "delegation")))
    .orderBy(asc(visitMembers.position), asc(visitMembers.id));
  return rows.flatMap((r) => {
    const account = r.userId != null && !r.disabledAt ? { id: r.userId, email: r.userEmail! } : null;
    const address = account?.email ?? r.personEmail;
    if (!address) return [];
    const lang: Language = isLanguage(r.locale) ? r.locale : (r.languages.find(isLanguage) ?? "en");
    return [{ memberId: r.memberId, name: r.name, address, userId: account?.id ?? null, lang }];
  });
}

/** A member's own briefing and calendar links, held by the member (no account). */
async function personalLinks(tx: Database, actor: Actor, visitId: number, memberId: number, now: Date) {
  const holder = { visitId, memberId, userId: null };
  const briefing = await issueVisitLinkIn(tx, actor, { ...holder, purpose: "briefing" }, now);
  const calendar = await issueVisitLinkIn(tx, actor, { ...holder, purpose: "calendar" }, now);
  // The member was just read from this visit's delegation in this transaction.
  return { briefing: briefing!, calendar: calendar! };
}

/**
 * Marks the briefing issued now and queues each reachable member's mail, if nobody changed the
 * visit, its delegation or its itinerary since the editor read it (else ConflictError, nothing
 * changes). Null when there is no such visit. Returns the visit's new state and how many mails.
 */
export async function issueBriefing(
  db: Database,
  actor: Actor,
  visitId: number,
  seen: IssuedVersions,
  options: { origin: string; now?: Date },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        version: visits.version,
        itineraryVersion: visits.itineraryVersion,
        delegationVersion: visits.delegationVersion,
        briefingIssuedAt: visits.briefingIssuedAt,
        timeZone: visits.timeZone,
        title: activities.title,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        allDay: activities.allDay,
      })
      .from(visits)
      .innerJoin(activities, eq(activities.id, visits.activityId))
      .where(eq(visits.activityId, visitId))
      .for("update", { of: visits });
    if (!before) return null;
    if (
      before.version !== seen.version ||
      before.itineraryVersion !== seen.itineraryVersion ||
      before.delegationVersion !== seen.delegationVersion
    ) {
      throw new ConflictError({ version: before.version });
    }
    const issuedAt = options.now ?? new Date();
    const [after] = await tx
      .update(visits)
      .set({ briefingIssuedAt: issuedAt, version: before.version + 1, updatedAt: issuedAt })
      .where(eq(visits.activityId, visitId))
      .returning({ version: visits.version, briefingIssuedAt: visits.briefingIssuedAt });
    const recipients = await briefingRecipients(tx, visitId);
    await recordAudit(tx, {
      actor,
      action: "issue_briefing",
      entityType: "visit",
      entityId: visitId,
      before: { briefingIssuedAt: before.briefingIssuedAt?.toISOString() ?? null, version: before.version },
      after: {
        briefingIssuedAt: issuedAt.toISOString(),
        version: after!.version,
        mailedMembers: recipients.map((r) => r.memberId),
      },
    });
    for (const to of recipients) {
      const { t } = translatorFor(to.lang);
      const format = createFormatter(to.lang, before.timeZone);
      const links = to.userId == null ? await personalLinks(tx, actor, visitId, to.memberId, issuedAt) : null;
      await queueMail(
        tx,
        { kind: "briefing_pack", to: { address: to.address, name: to.name, userId: to.userId }, locale: to.lang },
        await briefingPackMail({
          lang: to.lang,
          origin: options.origin,
          name: to.name,
          title: localized(before.title, to.lang),
          dates: visitDateRange(before, format.day, (start, end) => t("dates.range", { start, end })),
          briefingUrl: options.origin + (links?.briefing.path ?? memberBriefingPath(visitId, to.memberId)),
          calendarUrl: options.origin + (links?.calendar.path ?? memberCalendarPath(visitId, to.memberId)),
          personalUntil: links ? format.day(links.briefing.expiresAt!.toISOString()) : null,
        }),
      );
    }
    return { ...after!, mailed: recipients.length };
  });
}
