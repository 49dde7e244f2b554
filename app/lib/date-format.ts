import { intlLocales, type Language } from "../i18n/config";

/** What the pages ask of a date format: Intl.DateTimeFormat's `format`, and nothing else. */
export interface DateFormat {
  format(date: Date): string;
}

// Azerbaijani dates are written out here, not by Intl: browsers' Intl often has no Azerbaijani
// (Chromium writes "2027 M01 15"), and a hydrated page must read as the server rendered it. The
// words are those of the Unicode CLDR, which Node's Intl uses on the server.
const months = [
  "yanvar",
  "fevral",
  "mart",
  "aprel",
  "may",
  "iyun",
  "iyul",
  "avqust",
  "sentyabr",
  "oktyabr",
  "noyabr",
  "dekabr",
];
const shortMonths = ["yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek"];
// By Date's getUTCDay: Sunday first.
const weekdays = ["bazar", "bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə"];
const shortWeekdays = ["B.", "B.E.", "Ç.A.", "Ç.", "C.A.", "C.", "Ş."];

function azerbaijaniFormat(options: Intl.DateTimeFormatOptions): DateFormat {
  // Only the numbers come from Intl, in the zone asked for; every locale has those.
  const numbers = new Intl.DateTimeFormat("en-GB", {
    timeZone: options.timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return {
    format(date) {
      const part = Object.fromEntries(numbers.formatToParts(date).map((p) => [p.type, p.value]));
      const [year, month, day] = [Number(part.year), Number(part.month) - 1, Number(part.day)];
      const weekday = new Date(Date.UTC(year, month, day)).getUTCDay();
      if (options.dateStyle === "full") return `${day} ${months[month]} ${year}, ${weekdays[weekday]}`;
      if (options.weekday === "short") return `${day} ${shortMonths[month]}, ${shortWeekdays[weekday]}`;
      if (options.month === "long" && !options.day) return `${months[month]} ${year}`;
      if (options.month === "short" && !options.day) return `${shortMonths[month]} ${year}`;
      if (options.year && !options.month) return String(year);
      const shown = `${day} ${shortMonths[month]} ${year}`;
      return options.timeStyle ? `${shown}, ${part.hour}:${part.minute}` : shown;
    },
  };
}

/** A date format in the reader's language: Intl's, or for Azerbaijani the same words written out here. */
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): DateFormat {
  return lang === "az" ? azerbaijaniFormat(options) : new Intl.DateTimeFormat(intlLocales[lang], options);
}

/**
 * A number format in the reader's language. Azerbaijani groups and separates as Indonesian does
 * (12.345,6), and browsers that lack Azerbaijani have Indonesian.
 */
export function numberFormat(lang: Language, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(intlLocales[lang === "az" ? "id" : lang], options);
}
