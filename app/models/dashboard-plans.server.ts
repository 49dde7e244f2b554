import { and, asc, count, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { activities, agreements } from "../../db/schema";
import { activityTypes, type ActivityType } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { liveStatuses } from "./dashboard-agreements.server";
import { daysBetween, type DashboardClock } from "./dashboard-clock.server";

export interface PlanProgress {
  id: number;
  title: LocalizedText;
  inForceFrom: string;
  inForceUntil: string | null;
  /** Days since the plan came into force. */
  daysIn: number;
  /** Days of the period gone by today, and the period's length; null when the plan has no end date. */
  elapsed: { days: number; totalDays: number; percent: number } | null;
  byType: { type: ActivityType; completed: number; total: number }[];
  completed: number;
  total: number;
}

/** Action plans in force today, each with its activities counted by type in SQL. */
export async function planProgress(db: Database, clock: DashboardClock): Promise<PlanProgress[]> {
  const inForce = and(
    eq(agreements.kind, "action_plan"),
    inArray(agreements.status, [...liveStatuses]),
    lte(agreements.inForceFrom, clock.today),
    or(isNull(agreements.inForceUntil), gte(agreements.inForceUntil, clock.today)),
  );
  // Two queries side by side: the plans, and their activities counted by type on the
  // (agreement_id, …) index, without carrying the plans' columns through the aggregate.
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: agreements.id,
        title: agreements.title,
        inForceFrom: agreements.inForceFrom,
        inForceUntil: agreements.inForceUntil,
      })
      .from(agreements)
      .where(inForce)
      .orderBy(asc(agreements.inForceFrom), asc(agreements.id)),
    db
      .select({
        agreementId: activities.agreementId,
        type: activities.type,
        total: count(),
        completed: sql<number>`count(*) filter (where ${activities.status} = 'completed')`.mapWith(Number),
      })
      .from(activities)
      .where(inArray(activities.agreementId, db.select({ id: agreements.id }).from(agreements).where(inForce)))
      .groupBy(activities.agreementId, activities.type),
  ]);

  return rows.map((r) => {
    const from = r.inForceFrom!;
    const until = r.inForceUntil;
    const totalDays = until ? daysBetween(from, until) : 0;
    const days = daysBetween(from, clock.today);
    const byType = counts
      .filter((c) => c.agreementId === r.id)
      .map(({ type, completed, total }) => ({ type, completed, total }))
      .sort((a, b) => activityTypes.indexOf(a.type) - activityTypes.indexOf(b.type));
    return {
      id: r.id,
      title: r.title,
      inForceFrom: from,
      inForceUntil: until,
      daysIn: days,
      elapsed:
        until && totalDays > 0
          ? { days, totalDays, percent: Math.min(100, Math.max(0, (days / totalDays) * 100)) }
          : null,
      byType,
      completed: byType.reduce((n, t) => n + t.completed, 0),
      total: byType.reduce((n, t) => n + t.total, 0),
    };
  });
}
