import type { Language } from "../i18n/config";
import { createFormatter, type Formatter } from "./format";
import { zonedClock } from "./zoned-time";

/**
 * The formatter for exports, which write an instant on each of hundreds of rows: Intl's format
 * costs microseconds a call (a CSV of 240 activities spent a tenth of its time there). Here an
 * instant's text is put together from its day's text (written out once per day) and the zone's
 * clock, in the shape Intl gives, learned from Intl itself; where that shape cannot be learned,
 * Intl writes each one. The text is the same either way (tests/unit/format.test.ts).
 */
export function exportFormatter(lang: Language, timeZone: string): Formatter {
  const formatter = createFormatter(lang, timeZone);
  const clock = zonedClock(timeZone);
  const shape = dateTimeShape(formatter, clock);
  if (!shape) return formatter;
  const dateTime = (value: Date | string | null | undefined) => {
    if (!value) return "";
    const local = clock(new Date(value));
    return `${formatter.day(local.date)}${shape.joiner}${local.time.slice(0, 2)}${shape.separator}${local.time.slice(3)}`;
  };
  return { ...formatter, dateTime, when: (value, allDay) => (allDay ? formatter.when(value, true) : dateTime(value)) };
}

/** What Intl puts between the date and the time, and between hours and minutes; null if it is not that. */
function dateTimeShape(formatter: Formatter, clock: ReturnType<typeof zonedClock>) {
  const probe = new Date(Date.UTC(2001, 0, 2, 13, 5));
  const local = clock(probe);
  const text = formatter.dateTime(probe);
  const day = formatter.day(local.date);
  if (!text.startsWith(day)) return null;
  const match = /^(\D*)(\d{2})(\D)(\d{2})$/.exec(text.slice(day.length));
  if (!match || `${match[2]}:${match[4]}` !== local.time) return null;
  return { joiner: match[1]!, separator: match[3]! };
}
