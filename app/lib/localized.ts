import type { Language } from "../i18n/config";

/** Text people read, kept per language: English always, Indonesian and Azerbaijani where written. */
export type LocalizedText = { en: string; id?: string; az?: string };

/** A record's own text from a form's inputs: English, and each other language where one was written. */
export function localizedText(en: string, id: string | undefined, az?: string): LocalizedText {
  return { en, ...(id ? { id } : {}), ...(az ? { az } : {}) };
}

/**
 * An optional text from a form's inputs, null when none is filled. English is the language every
 * record has: a text written only in Indonesian (or only in Azerbaijani) stands in for it.
 */
export function localizedOrNull(en: string | undefined, id: string | undefined, az?: string): LocalizedText | null {
  if (!en && !id && !az) return null;
  return localizedText((en || id || az)!, id, az);
}

/**
 * The text in the reader's language, falling back to English where no translation exists. Where
 * the page should say that it fell back, use shownText (lib/case-text.ts) and FallbackMark.
 */
export function localized(text: LocalizedText | null | undefined, lang: Language): string {
  if (!text) return "";
  return (lang === "en" ? undefined : text[lang]) ?? text.en;
}

/**
 * Where something happens, as people write it: "Baku, Azerbaijan", or whichever part is known.
 * The country's name as stored, or already in the reader's language (a list selects only that).
 */
export function placeName(
  city: string | null | undefined,
  country: LocalizedText | string | null | undefined,
  lang: Language,
): string {
  return [city, typeof country === "string" ? country : localized(country, lang)].filter(Boolean).join(", ");
}

/** A rich text as stored: the editor's JSON, and the sanitized HTML and plain text rendered from it at save time. */
export type RichDoc = { json: unknown; html: string; text: string };

/** Rich text kept per language, each written on its own (a case may be written in one language first). */
export type LocalizedRichText = { en?: RichDoc; id?: RichDoc; az?: RichDoc };
