import { utcToZoned } from "./zoned-time";

/** A visit's first and last day (YYYY-MM-DD) on the place's calendar; all-day visits as stored. */
export function visitDays(visit: {
  startsAt: Date | string;
  endsAt: Date | string;
  allDay: boolean;
  timeZone: string;
}) {
  const day = (value: Date | string) =>
    visit.allDay ? new Date(value).toISOString().slice(0, 10) : utcToZoned(new Date(value), visit.timeZone).date;
  return { first: day(visit.startsAt), last: day(visit.endsAt) };
}

/** "10 Jun 2025 – 11 Jun 2025", or one day; `day` formats a YYYY-MM-DD, `range` joins two. */
export function visitDateRange(
  visit: Parameters<typeof visitDays>[0],
  day: (value: string) => string,
  range: (start: string, end: string) => string,
): string {
  const { first, last } = visitDays(visit);
  return first === last ? day(first) : range(day(first), day(last));
}
