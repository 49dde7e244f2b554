// The dashboard's follow-ups: how many are open, due in the next 14 days and overdue, on the
// viewer's calendar, and the items themselves (each with its visit), from the (status, due_on) index.
import { and, asc, eq, gte, lt, lte, sql } from "drizzle-orm";
import { activities, followUps, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { addDays, dashboardListLimit, daysBetween, type DashboardClock } from "./dashboard-clock.server";

/** How far ahead "due soon" looks. */
export const followUpSoonDays = 14;

const itemFields = {
  id: followUps.id,
  title: followUps.title,
  dueOn: followUps.dueOn,
  visitId: followUps.visitId,
  visitTitle: activities.title,
  ownerId: followUps.ownerId,
  ownerName: users.name,
  example: followUps.example,
};

function items(db: Database, where: ReturnType<typeof and>, limit: number) {
  return db
    .select(itemFields)
    .from(followUps)
    .innerJoin(activities, eq(activities.id, followUps.visitId))
    .innerJoin(users, eq(users.id, followUps.ownerId))
    .where(where)
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(limit);
}

/**
 * Open follow-ups: the count of all, of those due from today to 14 days on, and of the overdue
 * (due before today); the overdue and the due-soon items, oldest first, capped.
 */
export async function followUpSummary(db: Database, clock: DashboardClock, limit = dashboardListLimit) {
  const soonUntil = addDays(clock.today, followUpSoonDays);
  const open = eq(followUps.status, "open");
  const [[counts], overdue, dueSoon] = await Promise.all([
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${followUps.dueOn} < ${clock.today})`.mapWith(Number),
        dueSoon:
          sql<number>`count(*) filter (where ${followUps.dueOn} >= ${clock.today} and ${followUps.dueOn} <= ${soonUntil})`.mapWith(
            Number,
          ),
      })
      .from(followUps)
      .where(open),
    items(db, and(open, lt(followUps.dueOn, clock.today)), limit),
    items(db, and(open, gte(followUps.dueOn, clock.today), lte(followUps.dueOn, soonUntil)), limit),
  ]);
  return {
    open: counts?.open ?? 0,
    overdueCount: counts?.overdue ?? 0,
    dueSoonCount: counts?.dueSoon ?? 0,
    soonUntil,
    overdue: overdue.map((f) => ({ ...f, daysOverdue: daysBetween(f.dueOn, clock.today) })),
    dueSoon,
  };
}
