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
  const t = useMemo(() => rememberingT(i18n, language), [i18n, language]);
  return <TranslationContext.Provider value={t}>{children}</TranslationContext.Provider>;
}

// Translations never change while the app runs, so a key asked for without options has one
// answer per instance and language: remembered, since a page asks for the same labels many times.
const remembered = new WeakMap<I18n, Map<string, Map<string, string>>>();

function rememberingT(i18n: I18n, language: string): TFunction {
  const fixed = i18n.getFixedT(language) as unknown as (...args: unknown[]) => string;
  let byLanguage = remembered.get(i18n);
  if (!byLanguage) remembered.set(i18n, (byLanguage = new Map()));
  let answers = byLanguage.get(language);
  if (!answers) byLanguage.set(language, (answers = new Map()));
  const cache = answers;
  const t = (...args: unknown[]) => {
    if (args.length !== 1 || typeof args[0] !== "string") return fixed(...args);
    let answer = cache.get(args[0]);
    if (answer === undefined) {
      answer = fixed(args[0]);
      // Keys are the app's own, a few hundred; the bound only guards against a key made from input.
      if (cache.size < 5000) cache.set(args[0], answer);
    }
    return answer;
  };
  return t as unknown as TFunction;
}

export function useTranslation(): { t: TFunction } {
  const t = useContext(TranslationContext);
  if (!t) throw new Error("useTranslation needs a TranslationProvider above it");
  return { t };
}
