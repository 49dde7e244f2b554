import type { Language } from "../i18n/config";
import { localized, type LocalizedText } from "./localized";

/**
 * A record's text cut down to what a reader of `lang` sees, for the data a page carries: every
 * field of a loader's answer is serialized into the page, and the other language would double it.
 * `localized(readerText(text, lang), lang)` is `localized(text, lang)`.
 */
export function readerText(text: LocalizedText, lang: Language): LocalizedText;
export function readerText(text: LocalizedText | null, lang: Language): LocalizedText | null;
export function readerText(text: LocalizedText | null, lang: Language): LocalizedText | null {
  if (!text) return null;
  // A reader of another language falls back to English where no translation exists.
  return lang !== "en" && text[lang]?.trim() ? { en: "", [lang]: localized(text, lang) } : { en: text.en };
}
