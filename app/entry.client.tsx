import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { fallbackLanguage, isLanguage } from "./i18n/config";
import { isStringPack } from "./i18n/packs";
import { browserStrings } from "./i18n/strings.client";
import { StringSourceProvider } from "./i18n/translation";
// Tells the server the browser's time zone (visitors' pages load the same file as a script).
import "./lib/time-zone-cookie.js";

async function hydrate() {
  const lang = document.documentElement.lang;
  const language = isLanguage(lang) ? lang : fallbackLanguage;
  const strings = browserStrings(language);
  const packs = (document.querySelector('meta[name="string-packs"]')?.getAttribute("content") ?? "")
    .split(" ")
    .filter(isStringPack);
  await strings.load(language, packs);
  startTransition(() => {
    hydrateRoot(
      document,
      <StringSourceProvider source={strings}>
        <StrictMode>
          <HydratedRouter />
        </StrictMode>
      </StringSourceProvider>,
    );
  });
}

void hydrate();
