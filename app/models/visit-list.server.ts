// The visits list: upcoming (not yet ended) or past visits, paged and ordered by the database.
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { activities, countries, organizations, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { VisitList } from "../forms/visit";
import { datedActivityFields } from "./activity.server";

export const visitsPerPage = 20;

/**
 * One page of visits: every activity of type visit (a seeded one may have no visit row yet: it has
 * no stage then and its page is the activity's). Upcoming soonest first, past latest first.
 */
export async function listVisits(db: Database, options: { list: VisitList; page: number; now?: Date }) {
  const now = options.now ?? new Date();
  const upcoming = options.list === "upcoming";
  const rows = await db
    .select({
      ...datedActivityFields,
      endsAt: activities.endsAt,
      city: activities.city,
      countryName: countries.name,
      direction: visits.direction,
      stage: visits.stage,
      hostName: organizations.name,
      hasVisit: sql<boolean>`${visits.activityId} is not null`,
      example: activities.example,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(activities)
    .leftJoin(visits, eq(visits.activityId, activities.id))
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .leftJoin(organizations, eq(organizations.id, visits.hostOrganizationId))
    .where(and(eq(activities.type, "visit"), upcoming ? gte(activities.endsAt, now) : lt(activities.endsAt, now)))
    .orderBy(
      upcoming ? asc(activities.startsAt) : desc(activities.startsAt),
      upcoming ? asc(activities.id) : desc(activities.id),
    )
    .limit(visitsPerPage)
    .offset((options.page - 1) * visitsPerPage);
  const total = rows[0]?.total ?? 0;
  return {
    visits: rows.map(({ total: _total, ...row }) => row),
    total,
    pages: Math.max(1, Math.ceil(total / visitsPerPage)),
  };
}
