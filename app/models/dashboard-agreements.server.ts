import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { activities, agreements, commitments } from "../../db/schema";
import type { AgreementKind } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { zonedToUtc } from "../lib/zoned-time";
import { commitmentCountsByAgreement, type StatusCounts } from "./agreement-progress.server";
import { overdueWhere } from "./commitment-overdue.server";
import {
  addMonths,
  daysBetween,
  dashboardListLimit,
  horizonMonths,
  type DashboardClock,
} from "./dashboard-clock.server";

// Agreements that still bind the parties: drafts, expired and terminated ones are history.
export const liveStatuses = ["signed", "in_force"] as const;

// What the dashboard's agreement lists show of each.
const agreementListFields = {
  id: agreements.id,
  kind: agreements.kind,
  title: agreements.title,
  status: agreements.status,
};

interface AgreementCommitments {
  id: number;
  kind: AgreementKind;
  title: LocalizedText;
  status: (typeof agreements.$inferSelect)["status"];
  commitments: StatusCounts;
}

export async function commitmentsByAgreement(db: Database): Promise<AgreementCommitments[]> {
  const [rows, counts] = await Promise.all([
    db
      .select(agreementListFields)
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id)),
    commitmentCountsByAgreement(db),
  ]);
  return rows.map((r) => ({ ...r, commitments: counts.get(r.id) ?? {} }));
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

/** Binding agreements whose in-force period ends between today and six months from today. */
export async function expiringAgreements(db: Database, clock: DashboardClock) {
  const horizon = addMonths(clock.today, horizonMonths);
  const rows = await db
    .select({
      ...agreementListFields,
      inForceUntil: agreements.inForceUntil,
    })
    .from(agreements)
    .where(
      and(
        inArray(agreements.status, [...liveStatuses]),
        gte(agreements.inForceUntil, clock.today),
        lte(agreements.inForceUntil, horizon),
      ),
    )
    .orderBy(asc(agreements.inForceUntil), asc(agreements.id));
  return rows.map((r) => ({
    ...r,
    inForceUntil: r.inForceUntil!,
    daysLeft: daysBetween(clock.today, r.inForceUntil!),
  }));
}

/**
 * Binding, unexpired agreements with no activity started or updated in the last six months. An
 * agreement younger than six months cannot have been quiet that long, so it is left out.
 */
export async function dormantAgreements(db: Database, clock: DashboardClock) {
  const sinceDay = addMonths(clock.today, -horizonMonths);
  const since = zonedToUtc(sinceDay, "00:00", clock.timeZone);
  // Two probes rather than one OR: the first is a range on the (agreement_id, starts_at) index; the
  // second reads the agreement's rows only when the first found nothing.
  const startedLately = db
    .select({ one: sql`1` })
    .from(activities)
    .where(
      and(
        eq(activities.agreementId, agreements.id),
        gte(activities.startsAt, since),
        lte(activities.startsAt, clock.now),
      ),
    );
  const updatedLately = db
    .select({ one: sql`1` })
    .from(activities)
    .where(
      and(
        eq(activities.agreementId, agreements.id),
        gte(activities.updatedAt, since),
        lte(activities.updatedAt, clock.now),
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
      ...agreementListFields,
      // Its date on the viewer's calendar (all-day activities are dates already).
      lastActivityOn: sql<
        string | null
      >`case when ${last.agreementId} = ${agreements.id} then to_char(case when ${last.allDay} then ${last.startsAt} at time zone 'UTC' else ${last.startsAt} at time zone ${clock.timeZone} end, 'YYYY-MM-DD') end`,
    })
    .from(agreements)
    .leftJoinLateral(last, sql`true`)
    .where(
      and(
        inArray(agreements.status, [...liveStatuses]),
        or(isNull(agreements.inForceUntil), gte(agreements.inForceUntil, clock.today)),
        lte(
          sql`coalesce(${agreements.inForceFrom}, ${agreements.signedOn}, (${agreements.createdAt} at time zone ${clock.timeZone})::date)`,
          sinceDay,
        ),
        sql`not exists (${startedLately})`,
        sql`not exists (${updatedLately})`,
      ),
    );
  // Never active first, then the longest quiet.
  return rows.sort((a, b) => (a.lastActivityOn ?? "").localeCompare(b.lastActivityOn ?? "") || a.id - b.id);
}
