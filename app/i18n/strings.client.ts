import type { Language } from "./config";
import type { StringSource } from "./translation";
import { createTranslator, flatten, type Messages, type Translator } from "./translator";

// One chunk per language, so a page loads only its own language's strings.
const chunks: Record<Language, () => Promise<Messages>> = {
  en: () => import("./locales/en").then((m) => m.en),
  id: () => import("./locales/id").then((m) => m.id),
};

/** The browser's string source: loads a language's strings when first needed and keeps them. */
export function browserStrings(language: Language): StringSource & { load(language: Language): Promise<Translator> } {
  const ready = new Map<Language, Translator>();
  const loading = new Map<Language, Promise<Translator>>();
  function load(lang: Language): Promise<Translator> {
    let promise = loading.get(lang);
    if (!promise) {
      promise = chunks[lang]().then((messages) => {
        const translator = createTranslator(lang, flatten(messages));
        ready.set(lang, translator);
        return translator;
      });
      // A chunk that failed to load (the network dropped) is tried again on the next render.
      promise.catch(() => loading.delete(lang));
      loading.set(lang, promise);
    }
    return promise;
  }
  return { language, load, translator: (lang) => ready.get(lang) ?? load(lang) };
}
