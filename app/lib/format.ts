import type { Language } from "../i18n/config";
import { dateFormat, numberFormat } from "./date-format";

export interface Formatter {
  /** A calendar date (YYYY-MM-DD): the same day everywhere, so no time zone applies. */
  day(value: string | null | undefined): string;
  /** An instant, shown in the viewer's time zone. */
  dateTime(value: Date | string | null | undefined): string;
  /** An activity's start: a date for all-day events, else date and time in the viewer's zone. */
  when(value: Date | string, allDay: boolean): string;
  /** The month ("Sept 2017") or year ("2017") of a date, where that is all its source gives. */
  period(value: Date | string, precision: "month" | "year"): string;
  number(value: number): string;
}

// Building Intl formatters is costly (it was a tenth of a list page's server time); a page renders
// hundreds of dates in one or two (language, zone) pairs, so each pair is built once per process.
const formatters = new Map<string, Formatter>();

export function createFormatter(lang: Language, timeZone: string): Formatter {
  const key = `${lang}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = buildFormatter(lang, timeZone);
    if (formatters.size < 200) formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(lang: Language, timeZone: string): Formatter {
  const day = dateFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  const dateTime = dateFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
  const month = dateFormat(lang, { month: "short", year: "numeric", timeZone: "UTC" });
  const year = dateFormat(lang, { year: "numeric", timeZone: "UTC" });
  const number = numberFormat(lang);
  // A page shows the same few days and counts again and again (due dates, periods, totals), and
  // each format() call costs microseconds: each is written out once per formatter, up to a bound.
  const days = new Map<string, string>();
  const numbers = new Map<number, string>();
  const dayText = (value: string | null | undefined) => {
    if (!value) return "";
    const key = value.slice(0, 10);
    let text = days.get(key);
    if (text === undefined) {
      text = day.format(new Date(`${key}T00:00:00Z`));
      if (days.size >= 5000) days.clear();
      days.set(key, text);
    }
    return text;
  };
  return {
    day: dayText,
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : ""),
    // An all-day event is stored from 00:00Z of its day: that UTC date is its day.
    when: (value, allDay) => (allDay ? dayText(new Date(value).toISOString()) : dateTime.format(new Date(value))),
    period: (value, precision) => (precision === "month" ? month : year).format(new Date(value)),
    number: (value) => {
      let text = numbers.get(value);
      if (text === undefined) {
        text = number.format(value);
        if (numbers.size >= 5000) numbers.clear();
        numbers.set(value, text);
      }
      return text;
    },
  };
}

const canonicalZones = new Map<string, string>();

/**
 * A time zone's own spelling ("asia/JAKARTA" and "Asia/Jakarta" are "Asia/Jakarta"), or null for
 * no zone. Zones key caches, so a few hundred names must not become endless variants.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || !value || value.length > 64) return null;
  const known = canonicalZones.get(value);
  if (known) return known;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // Only real zones are remembered, and only so many, so made-up cookie values cannot grow it.
  if (canonicalZones.size < 2000) canonicalZones.set(value, canonical);
  return canonical;
}

export function isTimeZone(value: unknown): value is string {
  return canonicalTimeZone(value) !== null;
}
