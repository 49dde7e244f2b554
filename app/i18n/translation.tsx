import type { i18n as I18n, TFunction } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { isLanguage } from "./config";

/*
 * Components translate through this small context rather than react-i18next's hook: that hook
 * builds a copy of the i18next instance for every component on its first render, and on the
 * server every render is a first render (a page has dozens of translating components).
 * `t` is fixed to the page's language, so a language change re-renders every reader at once.
 */
const InstanceContext = createContext<I18n | null>(null);
const TranslationContext = createContext<TFunction | null>(null);

/** Holds the i18next instance: per language on the server, the page's one in the browser. */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <InstanceContext.Provider value={i18n}>{children}</InstanceContext.Provider>;
}

/** Fixes `t` to a language for everything inside; the root layout wraps the page in it. */
export function TranslationProvider({ lang, children }: { lang: string | undefined; children: ReactNode }) {
  const i18n = useContext(InstanceContext);
  if (!i18n) throw new Error("TranslationProvider needs an I18nProvider above it");
  const language = isLanguage(lang) ? lang : i18n.language;
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  return <TranslationContext.Provider value={t}>{children}</TranslationContext.Provider>;
}

export function useTranslation(): { t: TFunction } {
  const t = useContext(TranslationContext);
  if (!t) throw new Error("useTranslation needs a TranslationProvider above it");
  return { t };
}
