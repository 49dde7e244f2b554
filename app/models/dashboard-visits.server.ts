// The dashboard's upcoming visits and how far their preparation has come: three grouped queries
// for every visit shown, whatever their number.
import { and, asc, count, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import { activities, itineraryItems, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { datedActivityFields } from "./activity.server";
import type { LocalizedText } from "../lib/localized";
import type { SourcedDate } from "../lib/sourced-date";
import { utcToZoned } from "../lib/zoned-time";
import { addDays, dashboardListLimit, dayMs, toDate, type DashboardClock } from "./dashboard-clock.server";

/** How far ahead the dashboard looks for visits. */
export const upcomingVisitDays = 90;
/** A visit longer than this is checked for its first days only (no real visit is). */
const maxVisitDays = 60;

export interface UpcomingVisit extends SourcedDate {
  id: number;
  title: LocalizedText;
  startsAt: Date;
  city: string | null;
  direction: "incoming" | "outgoing";
  /** Part of the demo's example scenario. */
  example: boolean;
  /** At least one head, and every member's arrival and departure known. */
  delegationComplete: boolean;
  /** At least one itinerary item on each day of the visit, in the visit's time zone. */
  itineraryComplete: boolean;
  /** The briefing pack has been issued. */
  briefingReady: boolean;
}

/** The visit's days, first to last, as calendar dates where it takes place. */
function visitDays(v: { startsAt: Date; endsAt: Date; allDay: boolean; timeZone: string }): string[] {
  const dateOf = (d: Date) => (v.allDay ? d.toISOString().slice(0, 10) : utcToZoned(d, v.timeZone).date);
  const first = dateOf(v.startsAt);
  const last = dateOf(v.endsAt);
  const days: string[] = [];
  for (let day = first; day <= last && days.length < maxVisitDays; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Visits (not cancelled) starting between the viewer's today and 90 days on, soonest first,
 * capped, with the full count and each one's preparation state.
 */
export async function upcomingVisits(db: Database, clock: DashboardClock, limit = dashboardListLimit) {
  const lastDay = addDays(clock.today, upcomingVisitDays);
  // All-day visits are stored at midnight UTC of their dates; timed ones from the start of today
  // in the viewer's zone, which is at most a day either side: the range takes both.
  const where = and(
    gte(activities.startsAt, new Date(toDate(clock.today).getTime() - dayMs)),
    lte(activities.startsAt, new Date(toDate(lastDay).getTime() + 2 * dayMs)),
    ne(activities.status, "cancelled"),
    or(
      and(
        eq(activities.allDay, true),
        gte(activities.startsAt, toDate(clock.today)),
        lte(activities.startsAt, toDate(lastDay)),
      ),
      and(
        eq(activities.allDay, false),
        sql`(${activities.startsAt} at time zone ${clock.timeZone})::date between ${clock.today}::date and ${lastDay}::date`,
      ),
    ),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...datedActivityFields,
        endsAt: activities.endsAt,
        city: activities.city,
        direction: visits.direction,
        timeZone: visits.timeZone,
        briefingIssued: sql<boolean>`${visits.briefingIssuedAt} is not null`,
        example: activities.example,
      })
      .from(visits)
      .innerJoin(activities, eq(activities.id, visits.activityId))
      .where(where)
      .orderBy(asc(activities.startsAt), asc(activities.id))
      .limit(limit),
    db.select({ n: count() }).from(visits).innerJoin(activities, eq(activities.id, visits.activityId)).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [delegations, itineraryDays] = ids.length
    ? await Promise.all([delegationState(db, ids), itineraryDaysOf(db, ids)])
    : [new Map<number, boolean>(), new Map<number, Set<string>>()];
  const items: UpcomingVisit[] = rows.map((r) => {
    const covered = itineraryDays.get(r.id) ?? new Set<string>();
    return {
      id: r.id,
      title: r.title,
      startsAt: r.startsAt,
      allDay: r.allDay,
      datePrecision: r.datePrecision,
      dateApproximate: r.dateApproximate,
      city: r.city,
      direction: r.direction,
      delegationComplete: delegations.get(r.id) ?? false,
      itineraryComplete: visitDays(r).every((day) => covered.has(day)),
      briefingReady: Boolean(r.briefingIssued),
      example: r.example,
    };
  });
  return { items, total: total?.n ?? 0, from: clock.today, to: lastDay };
}

/** Per visit: a head among the delegation, and no member without arrival or departure. */
async function delegationState(db: Database, ids: number[]) {
  const rows = await db
    .select({
      visitId: visitMembers.visitId,
      heads: sql<number>`count(*) filter (where ${visitMembers.role} = 'head')`.mapWith(Number),
      missing:
        sql<number>`count(*) filter (where ${visitMembers.arrivalAt} is null or ${visitMembers.departureAt} is null)`.mapWith(
          Number,
        ),
    })
    .from(visitMembers)
    .where(and(inArray(visitMembers.visitId, ids), eq(visitMembers.side, "delegation")))
    .groupBy(visitMembers.visitId);
  return new Map(rows.map((r) => [r.visitId, r.heads > 0 && r.missing === 0]));
}

/** Per visit: the days (in the visit's time zone) that have at least one itinerary item. */
async function itineraryDaysOf(db: Database, ids: number[]) {
  const day = sql<string>`to_char(${itineraryItems.startsAt} at time zone ${visits.timeZone}, 'YYYY-MM-DD')`;
  const rows = await db
    .selectDistinct({ visitId: itineraryItems.visitId, day })
    .from(itineraryItems)
    .innerJoin(visits, eq(visits.activityId, itineraryItems.visitId))
    .where(inArray(itineraryItems.visitId, ids));
  const days = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = days.get(r.visitId) ?? new Set<string>();
    set.add(r.day);
    days.set(r.visitId, set);
  }
  return days;
}
