import { calendarToday } from "../lib/zoned-time";

// The dashboard's calendar arithmetic. Calendar dates ('YYYY-MM-DD') are computed in UTC so no
// zone or daylight-saving shift applies.
export const dayMs = 86_400_000;
export const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** How far ahead "expiring" and how far back "dormant" look. */
export const horizonMonths = 6;

/** How many rows the capped lists show; their totals are counted in full. */
export const dashboardListLimit = 10;

/** Whole months later, kept on the last day of a shorter month (31 Aug + 6 months = 28 Feb), as PostgreSQL does. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return toDay(first);
}

export { addDays } from "../lib/calendar-days";

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / dayMs);
}

/** The first day of the quarter `offset` quarters from the one holding `day`. */
export function quarterStart(day: string, offset = 0): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + offset;
  return toDay(new Date(Date.UTC(y, q * 3, 1)));
}

export interface DashboardClock {
  now: Date;
  timeZone: string;
  /** The viewer's calendar date at `now`. */
  today: string;
}

export function dashboardClock(now: Date, timeZone: string): DashboardClock {
  return { now, timeZone, today: calendarToday(timeZone, now) };
}
