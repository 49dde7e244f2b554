// Lessons to the library: which activities a case was shared in, and which cases an activity's
// lessons concern (activity_cases, written with the activity: app/models/activity-links.server.ts).
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { activities, activityCases, casePublications, cases, countries } from "../../db/schema";
import type { Database } from "../../db/client";

/**
 * The activities a case was shared in, newest first, in one query.
 *
 * For visitors without an account (`staff` false) only what is safe to publish: completed
 * activities, each with its type, title and the month it started (`startsOn`, the first of that
 * month), and no id to link to. Nothing of participants, organizers, places or lessons, and nothing
 * of activities still planned (an unconfirmed plan is staff business). Staff get every linked
 * activity with its id and status, to link to its page.
 */
export async function sharedActivities(db: Database, caseId: number, options: { staff: boolean }) {
  const rows = await db
    .select({
      id: activities.id,
      type: activities.type,
      title: activities.title,
      status: activities.status,
      startsOn: activityDay,
    })
    .from(activityCases)
    .innerJoin(activities, eq(activities.id, activityCases.activityId))
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .where(and(eq(activityCases.caseId, caseId), options.staff ? undefined : eq(activities.status, "completed")))
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(50);
  return rows.map((r) =>
    options.staff
      ? r
      : { id: null, type: r.type, title: r.title, status: null, startsOn: `${r.startsOn.slice(0, 7)}-01` },
  );
}

/**
 * The day an activity began where it took place: a case page is the same for every reader (any
 * cache may keep a visitor's), so its month is the activity's own, in its country's zone, not the
 * reader's (a morning in Jakarta is the evening before in UTC). An all-day activity is stored from
 * 00:00Z of its day; one without a country is read in UTC.
 */
const activityDay = sql<string>`to_char(case when ${activities.allDay} then ${activities.startsAt} at time zone 'UTC'
  else ${activities.startsAt} at time zone coalesce(${countries.timeZone}, 'UTC') end, 'YYYY-MM-DD')`;

export type SharedActivity = Awaited<ReturnType<typeof sharedActivities>>[number];

/** The library's cases as the activity form offers them: every working copy, by English title. */
export function caseChoices(db: Database) {
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status })
    .from(cases)
    .where(eq(cases.synthetic, false))
    .orderBy(asc(sql`lower(${cases.title}->>'en')`), asc(cases.id));
}

/** The cases an activity's lessons concern, for its page: the public address where published. */
export function activityCaseList(db: Database, activityId: number) {
  return db
    .select({ id: cases.id, title: cases.title, status: cases.status, publicSlug: casePublications.slug })
    .from(activityCases)
    .innerJoin(cases, eq(cases.id, activityCases.caseId))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(eq(activityCases.activityId, activityId))
    .orderBy(asc(sql`lower(${cases.title}->>'en')`), asc(cases.id));
}
