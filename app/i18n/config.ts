import type { InitOptions } from "i18next";
import { en } from "./locales/en";
import { id } from "./locales/id";

export const supportedLanguages = ["en", "id"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language);
}

/** Both languages are small enough to ship with the code: no loading step on either side. */
export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: "translation",
  resources: { en: { translation: en }, id: { translation: id } },
  interpolation: { escapeValue: false },
} satisfies InitOptions;
