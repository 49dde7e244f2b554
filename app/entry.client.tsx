import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { fallbackLanguage, i18nOptions, isLanguage } from "./i18n/config";
import { I18nProvider } from "./i18n/translation";

async function hydrate() {
  const lang = document.documentElement.lang;
  await i18next.init({ ...i18nOptions, lng: isLanguage(lang) ? lang : fallbackLanguage });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nProvider i18n={i18next}>
        <StrictMode>
          <HydratedRouter />
        </StrictMode>
      </I18nProvider>,
    );
  });
}

// Visitors without an account see dates in their own zone from the next page on.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (zone && !document.cookie.includes(`tz=${encodeURIComponent(zone)}`)) {
  document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

void hydrate();
