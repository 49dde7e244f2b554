import { createCookie } from "react-router";
import { createI18nextMiddleware } from "remix-i18next/middleware";
import { fallbackLanguage, i18nOptions, supportedLanguages } from "./config";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// The switcher's cookie wins over Accept-Language; a ?lng= link still works for sharing.
export const [i18nextMiddleware, getLanguage, getI18n] = createI18nextMiddleware({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nOptions,
});
