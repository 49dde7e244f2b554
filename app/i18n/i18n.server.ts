import { createInstance, type i18n } from "i18next";
import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { fallbackLanguage, i18nOptions, isLanguage, type Language } from "./config";

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

/** The switcher's cookie wins over Accept-Language; a ?lng= link still works for sharing. */
async function detectLanguage(request: Request): Promise<Language> {
  const fromUrl = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromUrl)) return fromUrl;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromHeader(request.headers.get("Accept-Language")) ?? fallbackLanguage;
}

// One i18next instance per language for the whole process: the server never changes an
// instance's language, so requests can share them instead of each building its own.
const instances = new Map<Language, Promise<i18n>>();

function instanceFor(lng: Language): Promise<i18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance({ ...i18nOptions, lng });
    instance = created.init().then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}

const languageContext = createContext<Language>(fallbackLanguage);
const i18nContext = createContext<i18n | null>(null);

export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const lng = await detectLanguage(request);
  context.set(languageContext, lng);
  context.set(i18nContext, await instanceFor(lng));
  return next();
};

export function getLanguage(context: Readonly<RouterContextProvider>): Language {
  return context.get(languageContext);
}

export function getI18n(context: Readonly<RouterContextProvider>): i18n {
  const instance = context.get(i18nContext);
  if (!instance) throw new Error("i18nextMiddleware has not run for this request");
  return instance;
}
