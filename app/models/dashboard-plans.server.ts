import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { activities, agreements } from "../../db/schema";
import { bindingStates, type AgreementState } from "../lib/agreement-status";
import { activityTypes, type ActivityType } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { agreementStateIn, agreementStateSql } from "./agreement-status.server";
import { daysBetween, type DashboardClock } from "./dashboard-clock.server";

export interface PlanProgress {
  id: number;
  title: LocalizedText;
  /** In force or expiring, as /agreements says. */
  state: AgreementState;
  /** Null when no source gives the start, though the record says it is in force. */
  inForceFrom: string | null;
  inForceUntil: string | null;
  inForceUntilInferred: boolean;
  /** Part of the demo's example scenario. */
  example: boolean;
  /** Days since the plan came into force; null without a start date. */
  daysIn: number | null;
  /** Days of the period gone by today, and the period's length; null when the plan has no end date. */
  elapsed: { days: number; totalDays: number; percent: number } | null;
  byType: { type: ActivityType; completed: number; total: number }[];
  completed: number;
  total: number;
}

/** Action plans in force today (their status, as every page computes it), each with its activities counted by type in SQL. */
export async function planProgress(db: Database, clock: DashboardClock): Promise<PlanProgress[]> {
  const inForce = and(eq(agreements.kind, "action_plan"), agreementStateIn(clock.today, bindingStates));
  // Two queries side by side: the plans, and their activities counted by type on the
  // (agreement_id, …) index, without carrying the plans' columns through the aggregate.
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: agreements.id,
        title: agreements.title,
        state: agreementStateSql(clock.today),
        inForceFrom: agreements.inForceFrom,
        inForceUntil: agreements.inForceUntil,
        inForceUntilInferred: agreements.inForceUntilInferred,
        example: agreements.example,
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
    const from = r.inForceFrom;
    const until = r.inForceUntil;
    const totalDays = from && until ? daysBetween(from, until) : 0;
    const days = from ? daysBetween(from, clock.today) : null;
    const byType = counts
      .filter((c) => c.agreementId === r.id)
      .map(({ type, completed, total }) => ({ type, completed, total }))
      .sort((a, b) => activityTypes.indexOf(a.type) - activityTypes.indexOf(b.type));
    return {
      id: r.id,
      title: r.title,
      state: r.state,
      inForceFrom: from,
      inForceUntil: until,
      inForceUntilInferred: r.inForceUntilInferred,
      example: r.example,
      daysIn: days,
      elapsed:
        days !== null && until && totalDays > 0
          ? { days, totalDays, percent: Math.min(100, Math.max(0, (days / totalDays) * 100)) }
          : null,
      byType,
      completed: byType.reduce((n, t) => n + t.completed, 0),
      total: byType.reduce((n, t) => n + t.total, 0),
    };
  });
}
