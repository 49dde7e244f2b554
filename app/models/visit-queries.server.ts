// Reading one visit: its activity row and its own row, for its pages and its forms.
import { eq } from "drizzle-orm";
import { activities, organizations, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { activityColumns } from "./activity.server";
import { activityFormOptions, getActivityForEdit } from "./activity-queries.server";
import { visitAsFields, visitOutcomes } from "./visit.server";

/** The visit of activity `activityId` with its activity, in one query; null when it is no visit. */
export async function loadVisit(db: Database, activityId: number) {
  const [row] = await db
    .select({ activity: activityColumns, visit: visits })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .where(eq(visits.activityId, activityId));
  return row ?? null;
}

export type LoadedVisit = NonNullable<Awaited<ReturnType<typeof loadVisit>>>;

/** What the visit forms offer to choose from, each list in one query. */
export async function visitFormOptions(db: Database) {
  const { countries, agreements, commitments, organizations } = await activityFormOptions(db);
  return { countries, agreements, commitments, organizations };
}

/** A visit as its edit form starts: the activity's fields and version, the visit's and its version. */
export async function getVisitForEdit(db: Database, activityId: number) {
  const [activity, row] = await Promise.all([
    getActivityForEdit(db, activityId),
    db.select().from(visits).where(eq(visits.activityId, activityId)),
  ]);
  const visit = row[0];
  if (!activity || !visit) return null;
  return {
    title: activity.title,
    activity: activity.input,
    activityVersion: activity.version,
    visit: visitAsFields(visit),
    outcomes: visitOutcomes(visit),
    reportWrittenAt: visit.reportWrittenAt,
    version: visit.version,
  };
}

/** The visit's own row with its host's name, for its page; null when the activity is no visit. */
export async function visitDetails(db: Database, activityId: number) {
  const [row] = await db
    .select({ visit: visits, hostName: organizations.name, hostAcronym: organizations.acronym })
    .from(visits)
    .leftJoin(organizations, eq(organizations.id, visits.hostOrganizationId))
    .where(eq(visits.activityId, activityId));
  return row ?? null;
}

/** Whether the activity has a visit row (a seeded visit may not), so its page can link to the visit's. */
export async function visitExists(db: Database, activityId: number) {
  const [row] = await db.select({ id: visits.activityId }).from(visits).where(eq(visits.activityId, activityId));
  return Boolean(row);
}
