import { and, asc, count, eq, gte, lt, lte, or, sql } from "drizzle-orm";
import { activities, countries } from "../../db/schema";
import { activityTypes, type ActivityType } from "../lib/enums";
import type { Database } from "../../db/client";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import { activityListFields } from "./activity-search.server";
import { dashboardListLimit, dayMs, quarterStart, toDate, type DashboardClock } from "./dashboard-clock.server";

const upcomingDays = 30;
const quarterCount = 8;

/**
 * Activities starting in the next 30 days: timed ones from now on, all-day ones from today's date
 * (an all-day workshop today has not stopped being today's). Capped, with the full count.
 */
export async function upcomingActivities(db: Database, clock: DashboardClock, limit = dashboardListLimit) {
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
