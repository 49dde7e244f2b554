// "History with this partner" on a visit's page: the earlier visits of the same partnership (or to
// the same country) with their lessons, the commitments this visit or those touched with their
// status, and the library cases they concern. Three queries, whatever the number of rows.
import { and, asc, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import { activities, activityCases, activityCommitments, agreements, cases, commitments } from "../../db/schema";
import type { Database } from "../../db/client";
import { datedActivityFields } from "./activity.server";

/** How many earlier visits the page recalls, newest first. */
export const earlierVisitsRecalled = 10;

interface VisitKey {
  id: number;
  startsAt: Date;
  agreementId: number | null;
  countryCode: string | null;
}

/**
 * Visits (activities of type visit) before this one under an agreement of the same partnership as
 * this visit's agreement, or in the same country.
 */
function earlierVisits(db: Database, visit: VisitKey) {
  const samePartnership =
    visit.agreementId == null
      ? undefined
      : inArray(
          activities.agreementId,
          db
            .select({ id: agreements.id })
            .from(agreements)
            .where(
              eq(
                agreements.partnershipId,
                sql`(select ${agreements.partnershipId} from ${agreements} where ${agreements.id} = ${visit.agreementId})`,
              ),
            ),
        );
  const sameCountry = visit.countryCode == null ? undefined : eq(activities.countryCode, visit.countryCode);
  const partner = samePartnership && sameCountry ? or(samePartnership, sameCountry) : (samePartnership ?? sameCountry);
  if (!partner) return Promise.resolve([]);
  return db
    .select({
      ...datedActivityFields,
      endsAt: activities.endsAt,
      city: activities.city,
      lessonsHtml: activities.lessonsHtml,
      // Seeded visits may have no visit row: their page is the activity's.
      hasVisit: sql<boolean>`exists (select 1 from visits v where v.activity_id = ${activities.id})`,
    })
    .from(activities)
    .where(
      and(eq(activities.type, "visit"), ne(activities.id, visit.id), lt(activities.startsAt, visit.startsAt), partner),
    )
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(earlierVisitsRecalled);
}

/** The history section's data for the visit. */
export async function visitHistory(db: Database, visit: VisitKey) {
  const earlier = await earlierVisits(db, visit);
  const ids = [visit.id, ...earlier.map((v) => v.id)];
  const [touched, related] = await Promise.all([
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        status: commitments.status,
        agreementTitle: agreements.title,
        // The visits among these that touched it: this one first if it did.
        activityIds: sql<
          number[]
        >`array_agg(${activityCommitments.activityId} order by ${activityCommitments.activityId})`,
      })
      .from(activityCommitments)
      .innerJoin(commitments, eq(commitments.id, activityCommitments.commitmentId))
      .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
      .where(inArray(activityCommitments.activityId, ids))
      .groupBy(commitments.id, agreements.id)
      .orderBy(asc(agreements.id), asc(commitments.position), asc(commitments.id)),
    db
      .selectDistinct({ id: cases.id, title: cases.title, status: cases.status })
      .from(activityCases)
      .innerJoin(cases, eq(cases.id, activityCases.caseId))
      .where(inArray(activityCases.activityId, ids))
      .orderBy(asc(cases.id)),
  ]);
  return {
    earlierVisits: earlier,
    commitments: touched.map((c) => ({ ...c, byThisVisit: c.activityIds.includes(visit.id) })),
    cases: related,
  };
}

export type VisitHistory = Awaited<ReturnType<typeof visitHistory>>;
