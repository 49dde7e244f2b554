export const supportedLanguages = ["en", "id", "az"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language);
}

/** The locale Intl formats a language's dates and numbers with (en-GB: day before month, as both partners write). */
export const intlLocales: Record<Language, string> = { en: "en-GB", id: "id-ID", az: "az-Latn-AZ" };
