import { createContext, use, useContext, type ReactNode } from "react";
import { isLanguage, type Language } from "./config";
import type { StringPack } from "./packs";
import type { TFunction, Translator } from "./translator";

/**
 * Where a page's translator comes from. On the server every language is at hand; in the browser
 * each language's strings are a chunk of their own, loaded when first needed.
 */
export interface StringSource {
  /** The language of the request (server) or of the document (browser). */
  language: Language;
  /** The translator for a language with the string packs a page needs (the server has every string). */
  translator(language: Language, packs?: readonly StringPack[]): Translator | Promise<Translator>;
}

const SourceContext = createContext<StringSource | null>(null);
const TranslationContext = createContext<TFunction | null>(null);

export function StringSourceProvider({ source, children }: { source: StringSource; children: ReactNode }) {
  return <SourceContext.Provider value={source}>{children}</SourceContext.Provider>;
}

/**
 * Fixes `t` to a language for everything inside; the root layout wraps the page in it. After a
 * client-side navigation that changes the language, the new language's strings load while React
 * keeps showing the previous page (the source returns the same promise until then). The same holds
 * for a page whose string packs (i18n/packs.ts) are not loaded yet.
 */
export function TranslationProvider(props: {
  lang: string | undefined;
  packs?: readonly StringPack[];
  children: ReactNode;
}) {
  const source = useContext(SourceContext);
  if (!source) throw new Error("TranslationProvider needs a StringSourceProvider above it");
  const language = isLanguage(props.lang) ? props.lang : source.language;
  const found = source.translator(language, props.packs);
  const { t } = found instanceof Promise ? use(found) : found;
  return <TranslationContext.Provider value={t}>{props.children}</TranslationContext.Provider>;
}

/**
 * The language of the request (server) or document (browser). The root layout uses it when its
 * loader has no data: on an error page whose root loader or middleware failed.
 */
export function useRequestLanguage(): Language | undefined {
  return useContext(SourceContext)?.language;
}

export function useTranslation(): { t: TFunction } {
  const t = useContext(TranslationContext);
  if (!t) throw new Error("useTranslation needs a TranslationProvider above it");
  return { t };
}
