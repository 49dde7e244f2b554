// A programme's day headings, for the briefing's PDF.
import type { Language } from "../i18n/config";
import { dateFormat, type DateFormat } from "./date-format";

// The app's formatter writes dates short (format.ts); a programme's day headings name the weekday.
const dayFormats = new Map<Language, DateFormat>();

/** "Tuesday, 10 June 2025" (or "Selasa, 10 Juni 2025") for a calendar date (YYYY-MM-DD). */
export function longDay(lang: Language, date: string): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = dateFormat(lang, { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
