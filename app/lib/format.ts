import type { Language } from "../i18n/config";

const locales: Record<Language, string> = { en: "en-GB", id: "id-ID" };

export interface Formatter {
  /** A calendar date (YYYY-MM-DD): the same day everywhere, so no time zone applies. */
  day(value: string | null | undefined): string;
  /** An instant, shown in the viewer's time zone. */
  dateTime(value: Date | string | null | undefined): string;
  /** An activity's start: a date for all-day events, else date and time in the viewer's zone. */
  when(value: Date | string, allDay: boolean): string;
  number(value: number): string;
}

export function createFormatter(lang: Language, timeZone: string): Formatter {
  const locale = locales[lang];
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const number = new Intl.NumberFormat(locale);
  return {
    day: (value) => (value ? day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : ""),
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : ""),
    when: (value, allDay) => (allDay ? day.format(new Date(value)) : dateTime.format(new Date(value))),
    number: (value) => number.format(value),
  };
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !value) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
