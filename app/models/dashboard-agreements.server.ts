import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { activities, agreements, commitments } from "../../db/schema";
import { bindingStates, type AgreementState } from "../lib/agreement-status";
import type { Database } from "../../db/client";
import { zonedToUtc } from "../lib/zoned-time";
import { listAgreements } from "./agreement-queries.server";
import { agreementStateIn, agreementStateSql } from "./agreement-status.server";
import { overdueWhere } from "./commitment-overdue.server";
import {
  addMonths,
  daysBetween,
  dashboardListLimit,
  horizonMonths,
  type DashboardClock,
} from "./dashboard-clock.server";

// Recorded statuses of agreements that may bind the parties; what binds today is `bindingStates`.
export const liveStatuses = ["signed", "in_force"] as const;

/** What the dashboard's agreement lists show of each: the status is computed as /agreements does. */
const agreementListFields = (today: string) => ({
  id: agreements.id,
  kind: agreements.kind,
  title: agreements.title,
  state: agreementStateSql(today),
});

/** Every agreement with its status (and what renewed it) and its commitments counted by status. */
export async function commitmentsByAgreement(db: Database, clock: DashboardClock) {
  const rows = await listAgreements(db, clock.today);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    renewedBy: r.renewedBy,
    commitments: r.commitments,
  }));
}

/** Commitments past their due date and not settled, oldest first; capped, with the full count. */
export async function overdueCommitments(db: Database, clock: DashboardClock, limit = dashboardListLimit) {
  const rows = await db
    .select({
      id: commitments.id,
      text: commitments.text,
      status: commitments.status,
      dueOn: commitments.dueOn,
      agreementId: agreements.id,
      agreementTitle: agreements.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .where(overdueWhere(clock.today))
    .orderBy(asc(commitments.dueOn), asc(commitments.position), asc(commitments.id))
    .limit(limit);
  return {
    items: rows.map(({ total: _, ...r }) => ({
      ...r,
      dueOn: r.dueOn!,
      daysOverdue: daysBetween(r.dueOn!, clock.today),
    })),
    total: rows[0]?.total ?? 0,
  };
}

/** Agreements whose status is expiring (in force, ending within `expiringDays`), soonest first. */
export async function expiringAgreements(db: Database, clock: DashboardClock) {
  const expiring: AgreementState[] = ["expiring"];
  const rows = await db
    .select({
      ...agreementListFields(clock.today),
      inForceUntil: agreements.inForceUntil,
      inForceUntilInferred: agreements.inForceUntilInferred,
    })
    .from(agreements)
    .where(agreementStateIn(clock.today, expiring))
    .orderBy(asc(agreements.inForceUntil), asc(agreements.id));
  return rows.map((r) => ({
    ...r,
    inForceUntil: r.inForceUntil!,
    daysLeft: daysBetween(clock.today, r.inForceUntil!),
  }));
}

/**
 * Agreements in force with no activity that took place in the last six months. When it took
 * place is the activity's own date, never when its row was written or changed: loading the seed
 * or an import touches every row and says nothing about the cooperation. An agreement younger
 * than six months cannot have been quiet that long, so it is left out. One query, whose probes
 * are ranges on the (agreement_id, starts_at) index.
 */
export async function dormantAgreements(db: Database, clock: DashboardClock) {
  const sinceDay = addMonths(clock.today, -horizonMonths);
  const since = zonedToUtc(sinceDay, "00:00", clock.timeZone);
  const tookPlaceLately = db
    .select({ one: sql`1` })
    .from(activities)
    .where(
      and(
        eq(activities.agreementId, agreements.id),
        gte(activities.startsAt, since),
        lte(activities.startsAt, clock.now),
      ),
    );
  // The latest activity up to now, in one backward step on (agreement_id, starts_at). Written as
  // a row comparison ordered by both columns so that only that index can serve it: with
  // `agreement_id = … order by starts_at desc` the planner may walk the starts_at index instead,
  // past every newer activity of every other agreement. The step may land on the previous
  // agreement's row when this one has none, hence the check on agreement_id below.
  const last = db
    .select({ agreementId: activities.agreementId, startsAt: activities.startsAt, allDay: activities.allDay })
    .from(activities)
    .where(
      sql`(${activities.agreementId}, ${activities.startsAt}) <= (${agreements.id}, ${clock.now.toISOString()}::timestamptz)`,
    )
    .orderBy(desc(activities.agreementId), desc(activities.startsAt))
    .limit(1)
    .as("last_activity");
  const rows = await db
    .select({
      ...agreementListFields(clock.today),
      // Its date on the viewer's calendar (all-day activities are dates already).
      lastActivityOn: sql<
        string | null
      >`case when ${last.agreementId} = ${agreements.id} then to_char(case when ${last.allDay} then ${last.startsAt} at time zone 'UTC' else ${last.startsAt} at time zone ${clock.timeZone} end, 'YYYY-MM-DD') end`,
    })
    .from(agreements)
    .leftJoinLateral(last, sql`true`)
    .where(
      and(
        agreementStateIn(clock.today, bindingStates),
        lte(
          sql`coalesce(${agreements.inForceFrom}, ${agreements.signedOn}, (${agreements.createdAt} at time zone ${clock.timeZone})::date)`,
          sinceDay,
        ),
        sql`not exists (${tookPlaceLately})`,
      ),
    );
  // Never active first, then the longest quiet.
  return rows.sort((a, b) => (a.lastActivityOn ?? "").localeCompare(b.lastActivityOn ?? "") || a.id - b.id);
}
