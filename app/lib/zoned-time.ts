/**
 * Wall-clock dates and times in a named time zone (Asia/Jakarta, Asia/Baku, …) to and from UTC
 * instants, with Intl only: the viewer types local time, the database keeps UTC.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the clock in `timeZone` reads `date` (YYYY-MM-DD) `time` (HH:MM). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = offsetMs(guess, timeZone);
  // Around a daylight-saving change the offset at the result can differ from the guess's.
  const second = offsetMs(guess - first, timeZone);
  return new Date(guess - second);
}

/** The date (YYYY-MM-DD) and time (HH:MM) the clock in `timeZone` shows at `instant`. */
export function utcToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const dayMs = 86_400_000;
/**
 * A zone's offset through one UTC day, or null when it changes that day, by "zone|day". These are
 * facts of the time zone database this process runs with, so they are kept for the process's
 * life, up to a bound (a few years of days for a few zones); past it the map starts afresh.
 */
const dayOffsets = new Map<string, number | null>();

function offsetThroughDay(day: number, timeZone: string): number | null {
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetMs(day * dayMs, timeZone);
    offset = first === offsetMs((day + 1) * dayMs - 1000, timeZone) ? first : null;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

/**
 * `utcToZoned` for many instants, as exports need: the zone's offset is looked up once per UTC day
 * rather than once per instant (a zone changes its offset at most once in a day).
 */
export function zonedClock(timeZone: string): (instant: Date) => { date: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  // Exports come in date order, so most instants fall on the day before them.
  let lastDay = NaN;
  let lastOffset: number | null = null;
  return (instant) => {
    const ms = instant.getTime();
    const day = Math.floor(ms / dayMs);
    if (day !== lastDay) {
      lastOffset = offsetThroughDay(day, timeZone);
      lastDay = day;
    }
    const offset = lastOffset;
    if (offset === null) return utcToZoned(instant, timeZone);
    const local = new Date(ms + offset);
    return {
      date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
      time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    };
  };
}

// Asked on nearly every request (a page's ETag and its loader each ask), and Intl's formatToParts
// is slow; a zone's date changes only on a whole minute (offsets today are whole minutes), so it
// is worked out once per zone and minute.
const todayByZone = new Map<string, { minute: number; date: string }>();

/** Today's calendar date (YYYY-MM-DD) in a time zone: what "overdue" and "in force" are judged by. */
export function calendarToday(timeZone: string, now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const kept = todayByZone.get(timeZone);
  if (kept?.minute === minute) return kept.date;
  const date = utcToZoned(now, timeZone).date;
  // Zones are canonical names, a few hundred at most; the bound only guards against surprises.
  if (todayByZone.size >= 1000) todayByZone.clear();
  todayByZone.set(timeZone, { minute, date });
  return date;
}
