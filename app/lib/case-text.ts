import type { Language } from "../i18n/config";
import type { LocalizedRichText, LocalizedText } from "./localized";

/** A text as the page shows it: in which language, and whether that is the reader's or another. */
export type Shown<T> = { value: T; lang: Language; fallback: boolean };

// The reader's language first, then English (every record has it), then Indonesian.
const fallbacks = (lang: Language): Language[] => [...new Set<Language>([lang, "en", "id"])];

function pick<T>(byLang: Partial<Record<Language, T>>, lang: Language, present: (v: T) => boolean): Shown<T> | null {
  for (const candidate of fallbacks(lang)) {
    const value = byLang[candidate];
    if (value !== undefined && present(value)) return { value, lang: candidate, fallback: candidate !== lang };
  }
  return null;
}

/** A plain text in the reader's language, or else in another (marked as such by the page); null if blank in all. */
export function shownText(text: LocalizedText | null | undefined, lang: Language): Shown<string> | null {
  return text ? pick<string>(text, lang, (v) => v.trim() !== "") : null;
}

/** A rich text's sanitized HTML in the reader's language, or else in another; null if none has any. */
export function shownRich(text: LocalizedRichText | null | undefined, lang: Language): Shown<string> | null {
  if (!text) return null;
  const shown = pick(text, lang, (doc) => doc.html.trim() !== "" && doc.text.trim() !== "");
  return shown && { ...shown, value: shown.value.html };
}

/** The case's address in a language: its Indonesian slug where it has one, else the English. */
export function caseSlugFor(c: { slug: string; slugId: string | null }, lang: Language): string {
  return lang === "id" && c.slugId ? c.slugId : c.slug;
}
