// The history a briefing gathers around a visit: the commitments it serves and their status, the
// library cases it concerns, the earlier visits with the same partner and their lessons, and the
// follow-ups still open from them. One query per kind, whatever the number of rows.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import {
  activities,
  activityCases,
  activityCommitments,
  agreements,
  casePublications,
  cases,
  commitments,
  followUps,
  users,
} from "../../db/schema";
import type { Database } from "../../db/client";
import { datedActivityFields } from "./activity.server";

/** How many earlier visits a briefing recalls, newest first. */
export const earlierVisitsShown = 5;

/** The commitments linked to the visit, in their agreement's order, with their status. */
export function briefingCommitments(db: Database, visitId: number) {
  return db
    .select({
      id: commitments.id,
      text: commitments.text,
      status: commitments.status,
      dueOn: commitments.dueOn,
      agreementTitle: agreements.title,
    })
    .from(activityCommitments)
    .innerJoin(commitments, eq(commitments.id, activityCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .where(eq(activityCommitments.activityId, visitId))
    .orderBy(asc(agreements.id), asc(commitments.position), asc(commitments.id));
}

/** The library cases the visit's lessons concern (the activity's own links). */
export function visitCases(db: Database, visitId: number) {
  return db
    .select({ id: cases.id, title: cases.title, slug: casePublications.slug })
    .from(activityCases)
    .innerJoin(cases, eq(cases.id, activityCases.caseId))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(eq(activityCases.activityId, visitId))
    .orderBy(asc(cases.id));
}

/**
 * Visits before this one with the same partner: when the visit belongs to an agreement, the visits
 * under that partnership's agreements (and those under none); otherwise every earlier visit.
 * Newest first, with their lessons learned.
 */
export async function earlierVisits(db: Database, visit: { id: number; startsAt: Date; agreementId: number | null }) {
  let partnership: number | null = null;
  if (visit.agreementId != null) {
    const [row] = await db
      .select({ id: agreements.partnershipId })
      .from(agreements)
      .where(eq(agreements.id, visit.agreementId));
    partnership = row?.id ?? null;
  }
  return db
    .select({
      ...datedActivityFields,
      city: activities.city,
      lessonsHtml: activities.lessonsHtml,
      lessonsText: activities.lessonsText,
    })
    .from(activities)
    .leftJoin(agreements, eq(agreements.id, activities.agreementId))
    .where(
      and(
        eq(activities.type, "visit"),
        ne(activities.id, visit.id),
        lt(activities.startsAt, visit.startsAt),
        partnership == null ? undefined : or(isNull(activities.agreementId), eq(agreements.partnershipId, partnership)),
      ),
    )
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(earlierVisitsShown);
}

/** The open follow-ups of these visits, soonest due first, with their owner's name. */
export function openFollowUps(db: Database, visitIds: number[]) {
  if (!visitIds.length) return Promise.resolve([]);
  return db
    .select({
      id: followUps.id,
      visitId: followUps.visitId,
      visitTitle: activities.title,
      title: followUps.title,
      dueOn: followUps.dueOn,
      ownerName: users.name,
    })
    .from(followUps)
    .innerJoin(activities, eq(activities.id, followUps.visitId))
    .innerJoin(users, eq(users.id, followUps.ownerId))
    .where(and(inArray(followUps.visitId, visitIds), eq(followUps.status, "open")))
    .orderBy(asc(followUps.dueOn), asc(followUps.id));
}
