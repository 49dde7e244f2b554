// An itinerary read day by day at the place's own time, for the briefing page and its PDF alike.
import type { Language } from "../i18n/config";
import { utcToZoned } from "./zoned-time";

type Timed = { startsAt: Date | string; endsAt: Date | string; timeZone: string };

/** Items grouped by the day they start on in their own zone, in the order given (time order). */
export function itineraryDays<T extends Timed>(items: T[]): { date: string; items: T[] }[] {
  const days: { date: string; items: T[] }[] = [];
  for (const item of items) {
    const { date } = utcToZoned(new Date(item.startsAt), item.timeZone);
    const last = days.at(-1);
    if (last?.date === date) last.items.push(item);
    else days.push({ date, items: [item] });
  }
  return days;
}

/** An item's start and end on its place's clock (HH:MM); the end's date too when it ends on a later day. */
export function itemClock(item: Timed): { start: string; end: string; endDate: string | null } {
  const start = utcToZoned(new Date(item.startsAt), item.timeZone);
  const end = utcToZoned(new Date(item.endsAt), item.timeZone);
  return { start: start.time, end: end.time, endDate: end.date === start.date ? null : end.date };
}

// The app's formatter writes dates short (format.ts); a programme's day headings name the weekday.
const dayLocales: Record<Language, string> = { en: "en-GB", id: "id-ID" };
const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** "Tuesday, 10 June 2025" (or "Selasa, 10 Juni 2025") for a calendar date (YYYY-MM-DD). */
export function longDay(lang: Language, date: string): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(dayLocales[lang], { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
