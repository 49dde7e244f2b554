// A programme's day headings, for the briefing's PDF.
import { intlLocales, type Language } from "../i18n/config";

// The app's formatter writes dates short (format.ts); a programme's day headings name the weekday.
const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** "Tuesday, 10 June 2025" (or "Selasa, 10 Juni 2025") for a calendar date (YYYY-MM-DD). */
export function longDay(lang: Language, date: string): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[lang], { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
