// A user's own follow-ups, for their account page: open ones by due date, from the owner index.
import { and, asc, eq } from "drizzle-orm";
import { activities, followUps } from "../../db/schema";
import type { Database } from "../../db/client";
import { isOverdue } from "./follow-up-queries.server";

/** The open follow-ups `userId` owns, soonest due first, each with its visit; `today` judges "overdue". */
export async function myFollowUps(db: Database, userId: number, today: string) {
  const rows = await db
    .select({
      id: followUps.id,
      title: followUps.title,
      dueOn: followUps.dueOn,
      status: followUps.status,
      visitId: followUps.visitId,
      visitTitle: activities.title,
    })
    .from(followUps)
    .innerJoin(activities, eq(activities.id, followUps.visitId))
    .where(and(eq(followUps.ownerId, userId), eq(followUps.status, "open")))
    .orderBy(asc(followUps.dueOn), asc(followUps.id));
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
}
