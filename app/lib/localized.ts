import type { LocalizedText } from "../../db/schema/columns";
import type { Language } from "../i18n/config";

/** The text in the reader's language, falling back to English where no translation exists. */
export function localized(text: LocalizedText | null | undefined, lang: Language): string {
  if (!text) return "";
  return (lang === "id" ? text.id : undefined) ?? text.en;
}
