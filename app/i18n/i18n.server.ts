import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { fallbackLanguage, isLanguage, type Language } from "./config";
import { en } from "./locales/en";
import { id } from "./locales/id";
import { az } from "./locales/az";
import type { StringSource } from "./translation";
import { createTranslator, flatten, type Translator } from "./translator";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * The first supported language in an Accept-Language header, by preference: "id-ID,id;q=0.9,en;q=0.8"
 * is Indonesian.
 */
export function languageFromHeader(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { primary: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.primary).find(isLanguage) ?? null;
}

/**
 * The language the reader asked for, if any: a ?lng= link (for sharing), else the switcher's
 * cookie, else Accept-Language. Null for a reader who says nothing, as crawlers often do.
 */
async function chosenLanguage(request: Request): Promise<Language | null> {
  const fromUrl = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromUrl)) return fromUrl;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromHeader(request.headers.get("Accept-Language"));
}

// The server holds every language whole: one translator per language, made on first use and
// shared by every request (what a translator keeps, cut strings and plural forms, is the same for all).
const translators = new Map<Language, Translator>();

export function translatorFor(language: Language): Translator {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator(language, flatten({ en, id, az }[language]));
    translators.set(language, translator);
  }
  return translator;
}

/** What the server renders with: the request's language, and every other at hand. */
export const serverStrings = (language: Language): StringSource => ({
  language,
  translator: (lang) => translatorFor(lang),
});

const languageContext = createContext<Language>(fallbackLanguage);
const chosenContext = createContext<boolean>(false);

export const languageMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const chosen = await chosenLanguage(request);
  context.set(languageContext, chosen ?? fallbackLanguage);
  context.set(chosenContext, chosen !== null);
  return next();
};

/**
 * Lets an address decide the language where the reader did not: a case's Indonesian slug is an
 * Indonesian page for a crawler that sends no Accept-Language (a route middleware, after the root's).
 * `languageOf` (a database look-up) is asked only then, not on every reader's view.
 */
export async function preferAddressLanguage(
  context: Readonly<RouterContextProvider>,
  languageOf: () => Promise<Language | null>,
) {
  if (context.get(chosenContext)) return;
  const language = await languageOf();
  if (language) context.set(languageContext, language);
}

export function getLanguage(context: Readonly<RouterContextProvider>): Language {
  return context.get(languageContext);
}

/** The translator of the request's language. */
export function getI18n(context: Readonly<RouterContextProvider>): Translator {
  return translatorFor(getLanguage(context));
}
