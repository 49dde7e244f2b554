// Reading one visit: its activity row and its own row.
import { eq } from "drizzle-orm";
import { activities, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { activityColumns } from "./activity.server";

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
