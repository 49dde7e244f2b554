import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { activities, agreements, commitments, countries } from "../../db/schema";
import { activityTypes, type ActivityType, type AgreementKind } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { calendarToday, utcToZoned, zonedToUtc } from "../lib/zoned-time";
import { activityListFields } from "./activity-search.server";
import { commitmentCountsByAgreement, type StatusCounts } from "./agreement-progress.server";
import { overdueWhere } from "./commitment-overdue.server";

/** How many rows the capped lists show; their totals are counted in full. */
const dashboardListLimit = 10;
const upcomingDays = 30;
const horizonMonths = 6;
const quarterCount = 8;

// Agreements that still bind the parties: drafts, expired and terminated ones are history.
const liveStatuses = ["signed", "in_force"] as const;

// What the dashboard's agreement lists show of each.
const agreementListFields = {
  id: agreements.id,
  kind: agreements.kind,
  title: agreements.title,
  status: agreements.status,
};

// Calendar dates ('YYYY-MM-DD') are computed in UTC so no zone or daylight-saving shift applies.
const dayMs = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** Whole months later, kept on the last day of a shorter month (31 Aug + 6 months = 28 Feb), as PostgreSQL does. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return toDay(first);
}

function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / dayMs);
}

/** The first day of the quarter `offset` quarters from the one holding `day`. */
export function quarterStart(day: string, offset = 0): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + offset;
  return toDay(new Date(Date.UTC(y, q * 3, 1)));
}

interface DashboardClock {
  now: Date;
  timeZone: string;
  /** The viewer's calendar date at `now`. */
  today: string;
}

export function dashboardClock(now: Date, timeZone: string): DashboardClock {
  return { now, timeZone, today: calendarToday(timeZone, now) };
}

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
async function planProgress(db: Database, clock: DashboardClock): Promise<PlanProgress[]> {
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

interface AgreementCommitments {
  id: number;
  kind: AgreementKind;
  title: LocalizedText;
  status: (typeof agreements.$inferSelect)["status"];
  commitments: StatusCounts;
}

async function commitmentsByAgreement(db: Database): Promise<AgreementCommitments[]> {
  const [rows, counts] = await Promise.all([
    db
      .select(agreementListFields)
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id)),
    commitmentCountsByAgreement(db),
  ]);
  return rows.map((r) => ({ ...r, commitments: counts.get(r.id) ?? {} }));
}

/**
 * Activities starting in the next 30 days: timed ones from now on, all-day ones from today's date
 * (an all-day workshop today has not stopped being today's). Capped, with the full count.
 */
async function upcomingActivities(db: Database, clock: DashboardClock, limit = dashboardListLimit) {
  const until = new Date(clock.now.getTime() + upcomingDays * dayMs);
  const lastDay = utcToZoned(until, clock.timeZone).date;
  const dayFrom = toDate(clock.today);
  const dayUntil = toDate(lastDay);
  const lower = dayFrom < clock.now ? dayFrom : clock.now;
  const upper = dayUntil > until ? dayUntil : until;
  const where = and(
    // The wide range lets the starts_at index narrow the scan; the exact test follows.
    gte(activities.startsAt, lower),
    lte(activities.startsAt, upper),
    or(
      and(eq(activities.allDay, true), gte(activities.startsAt, dayFrom), lte(activities.startsAt, dayUntil)),
      and(eq(activities.allDay, false), gte(activities.startsAt, clock.now), lte(activities.startsAt, until)),
    ),
  );
  const [items, [total]] = await Promise.all([
    db
      .select(activityListFields)
      .from(activities)
      .leftJoin(countries, eq(countries.code, activities.countryCode))
      .where(where)
      .orderBy(asc(activities.startsAt), asc(activities.id))
      .limit(limit),
    db.select({ n: count() }).from(activities).where(where),
  ]);
  return { items, total: total?.n ?? 0, from: clock.today, to: lastDay };
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
async function expiringAgreements(db: Database, clock: DashboardClock) {
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
async function dormantAgreements(db: Database, clock: DashboardClock) {
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

interface QuarterBucket {
  /** First day of the quarter. */
  start: string;
  year: number;
  quarter: number;
  counts: Record<ActivityType, number>;
  total: number;
}

/**
 * Activities per quarter and type, for the current quarter and the seven before it on the
 * viewer's calendar, in one grouped query over a starts_at range (so the starts_at index applies).
 *
 * The quarters' edges are computed here as instants: midnight in the viewer's zone for timed
 * activities, midnight UTC for all-day ones (stored at midnight UTC of their date, they belong to
 * that date everywhere). width_bucket against those edges gives the same buckets as
 * date_trunc('quarter', starts_at at time zone …) at a third of the cost: converting every row to
 * a named zone took ~20 ms of 30 at 14,000 rows in the window.
 */
export async function activitiesPerQuarter(db: Database, clock: DashboardClock, quarters = quarterCount) {
  const first = quarterStart(clock.today, -(quarters - 1));
  const starts = Array.from({ length: quarters + 1 }, (_, i) => quarterStart(first, i));
  const zoneEdges = starts.map((d) => zonedToUtc(d, "00:00", clock.timeZone));
  const dayEdges = starts.map(toDate);
  const edges = (list: Date[]) =>
    sql`array[${sql.join(
      list.map((e) => sql`${e.toISOString()}::timestamptz`),
      sql`, `,
    )}]`;
  const earliest = zoneEdges[0]! < dayEdges[0]! ? zoneEdges[0]! : dayEdges[0]!;
  const latest = zoneEdges[quarters]! > dayEdges[quarters]! ? zoneEdges[quarters]! : dayEdges[quarters]!;
  const inWindow = db.$with("in_window").as(
    db
      .select({
        // 1 for the first quarter … `quarters` for the current one; 0 and quarters + 1 fall outside.
        bucket:
          sql<number>`case when ${activities.allDay} then width_bucket(${activities.startsAt}, ${edges(dayEdges)}) else width_bucket(${activities.startsAt}, ${edges(zoneEdges)}) end`.as(
            "bucket",
          ),
        type: activities.type,
      })
      .from(activities)
      .where(and(gte(activities.startsAt, earliest), lt(activities.startsAt, latest))),
  );
  const rows = await db
    .with(inWindow)
    .select({ bucket: inWindow.bucket, type: inWindow.type, n: count() })
    .from(inWindow)
    .groupBy(inWindow.bucket, inWindow.type);

  const buckets: QuarterBucket[] = starts.slice(0, quarters).map((start) => {
    const [y, m] = start.split("-").map(Number) as [number, number];
    const counts = Object.fromEntries(activityTypes.map((t) => [t, 0])) as Record<ActivityType, number>;
    return { start, year: y, quarter: (m - 1) / 3 + 1, counts, total: 0 };
  });
  for (const r of rows) {
    const bucket = buckets[r.bucket - 1];
    if (!bucket) continue;
    bucket.counts[r.type] += r.n;
    bucket.total += r.n;
  }
  return buckets;
}

/** Everything the staff dashboard shows, in parallel queries that each aggregate in SQL. */
export async function getDashboard(db: Database, now: Date = new Date(), timeZone = "UTC") {
  const clock = dashboardClock(now, timeZone);
  const [plans, agreementCommitments, upcoming, overdue, expiring, dormant, quarters] = await Promise.all([
    planProgress(db, clock),
    commitmentsByAgreement(db),
    upcomingActivities(db, clock),
    overdueCommitments(db, clock),
    expiringAgreements(db, clock),
    dormantAgreements(db, clock),
    activitiesPerQuarter(db, clock),
  ]);
  return {
    today: clock.today,
    plans,
    agreements: agreementCommitments,
    upcoming,
    overdue,
    expiring,
    expiringUntil: addMonths(clock.today, horizonMonths),
    dormant,
    quarters,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
