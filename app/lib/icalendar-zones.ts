/**
 * VTIMEZONE components (RFC 5545 §3.6.5) made from the time zone database this process runs with,
 * through Intl: a calendar client then shows an event at the place's own time, whatever zone the
 * client is in, without relying on the client knowing the zone's name.
 */
import { utcToZoned } from "./zoned-time";

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** How many minutes the zone's clock is ahead of UTC at `instant` (to the minute). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const at = Math.floor(instant / minuteMs) * minuteMs;
  const { date, time } = utcToZoned(new Date(at), timeZone);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return Math.round((Date.UTC(y, m - 1, d, hh, mm) - at) / minuteMs);
}

export interface ZoneTransition {
  /** The first instant of the new offset. */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes between `start` and `end` (UTC milliseconds), found day by day and then to the minute. */
export function zoneTransitions(timeZone: string, start: number, end: number): ZoneTransition[] {
  const found: ZoneTransition[] = [];
  let before = offsetMinutes(start, timeZone);
  for (let day = start; day < end; day += dayMs) {
    const next = Math.min(day + dayMs, end);
    const after = offsetMinutes(next, timeZone);
    if (after === before) continue;
    // The change lies in (day, next]: halve the span down to a minute.
    let low = day;
    let high = next;
    while (high - low > minuteMs) {
      const middle = low + Math.floor((high - low) / 2 / minuteMs) * minuteMs;
      if (offsetMinutes(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: before, to: after });
    before = after;
  }
  return found;
}

/** An offset as iCalendar writes it: +0700, -0330. */
export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** A local DATE-TIME (no zone): 20250610T090000. */
export function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
}

/** The wall-clock time in `timeZone` at `instant`, as a local DATE-TIME value. */
export function zonedStamp(instant: Date, timeZone: string): string {
  const { date, time } = utcToZoned(instant, timeZone);
  return localStamp(date, time);
}

/** The local time at `at` on the clock before a change (which is how a VTIMEZONE onset is written). */
function onset(at: number, offset: number): string {
  const local = new Date(at + offset * minuteMs).toISOString();
  return localStamp(local.slice(0, 10), local.slice(11, 16));
}

/**
 * The VTIMEZONE of `timeZone` for the UTC years `fromYear` to `toYear` (inclusive): the offset in
 * force at the start of the span, then each change within it as its own observance. A change to a
 * larger offset than the one before is DAYLIGHT, the rest STANDARD.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = offsetMinutes(start, timeZone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", at: number, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${onset(at, from)}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
  lines.push(...observance("STANDARD", start, first, first));
  for (const change of zoneTransitions(timeZone, start, end)) {
    lines.push(...observance(change.to > change.from ? "DAYLIGHT" : "STANDARD", change.at, change.from, change.to));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
