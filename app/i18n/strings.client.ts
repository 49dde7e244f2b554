import type { Language } from "./config";
import type { StringPack } from "./packs";
import type { StringSource } from "./translation";
import { createTranslator, flatten, type Messages, type Translator } from "./translator";

type Part = "core" | StringPack;

// One chunk per language and part, so a page loads only its own language's strings, and the
// packs' (app/i18n/packs.ts) only where a page uses them.
const chunks: Record<Language, Record<Part, () => Promise<Messages>>> = {
  en: {
    core: () => import("./locales/en-core").then((m) => m.enCore),
    library: () => import("./locales/en-library").then((m) => m.enLibrary),
    cases: () => import("./locales/en-cases").then((m) => m.enCases),
    dashboard: () => import("./locales/en-dashboard").then((m) => m.enDashboard),
    mail: () => import("./locales/en-mail").then((m) => m.enMail),
    account: () => import("./locales/en-account").then((m) => m.enAccount),
    visits: () => import("./locales/en-visits").then((m) => m.enVisits),
    people: () => import("./locales/en-people").then((m) => m.enPeople),
    activities: () => import("./locales/en-activities").then((m) => m.enActivities),
    agreements: () => import("./locales/en-agreements").then((m) => m.enAgreements),
  },
  id: {
    core: () => import("./locales/id-core").then((m) => m.idCore),
    library: () => import("./locales/id-library").then((m) => m.idLibrary),
    cases: () => import("./locales/id-cases").then((m) => m.idCases),
    dashboard: () => import("./locales/id-dashboard").then((m) => m.idDashboard),
    mail: () => import("./locales/id-mail").then((m) => m.idMail),
    account: () => import("./locales/id-account").then((m) => m.idAccount),
    visits: () => import("./locales/id-visits").then((m) => m.idVisits),
    people: () => import("./locales/id-people").then((m) => m.idPeople),
    activities: () => import("./locales/id-activities").then((m) => m.idActivities),
    agreements: () => import("./locales/id-agreements").then((m) => m.idAgreements),
  },
  az: {
    core: () => import("./locales/az-core").then((m) => m.azCore),
    library: () => import("./locales/az-library").then((m) => m.azLibrary),
    cases: () => import("./locales/az-cases").then((m) => m.azCases),
    dashboard: () => import("./locales/az-dashboard").then((m) => m.azDashboard),
    mail: () => import("./locales/az-mail").then((m) => m.azMail),
    account: () => import("./locales/az-account").then((m) => m.azAccount),
    visits: () => import("./locales/az-visits").then((m) => m.azVisits),
    people: () => import("./locales/az-people").then((m) => m.azPeople),
    activities: () => import("./locales/az-activities").then((m) => m.azActivities),
    agreements: () => import("./locales/az-agreements").then((m) => m.azAgreements),
  },
};

/** The browser's string source: loads a language's strings, part by part, when first needed, and keeps them. */
export function browserStrings(language: Language): StringSource & {
  load(language: Language, packs?: readonly StringPack[]): Promise<Translator>;
} {
  const parts = new Map<string, Map<string, string>>();
  const loading = new Map<string, Promise<void>>();
  const translators = new Map<string, Translator>();
  const keyOf = (lang: Language, packs: readonly StringPack[]) => [lang, ...packs].join("|");

  function loadPart(lang: Language, part: Part): Promise<void> {
    const key = `${lang}|${part}`;
    let promise = loading.get(key);
    if (!promise) {
      promise = chunks[lang][part]().then((messages) => void parts.set(key, flatten(messages)));
      // A chunk that failed to load (the network dropped) is tried again on the next render.
      promise.catch(() => loading.delete(key));
      loading.set(key, promise);
    }
    return promise;
  }

  function ready(lang: Language, packs: readonly StringPack[]): Translator | null {
    const key = keyOf(lang, packs);
    let translator = translators.get(key);
    if (translator) return translator;
    const wanted: Part[] = ["core", ...packs];
    if (!wanted.every((part) => parts.has(`${lang}|${part}`))) return null;
    const strings = new Map<string, string>();
    for (const part of wanted) for (const [k, v] of parts.get(`${lang}|${part}`)!) strings.set(k, v);
    translator = createTranslator(lang, strings);
    translators.set(key, translator);
    return translator;
  }

  // The same promise for the same wait, so React keeps showing the previous page until it settles.
  const waits = new Map<string, Promise<Translator>>();
  function load(lang: Language, packs: readonly StringPack[] = []): Promise<Translator> {
    const key = keyOf(lang, packs);
    let wait = waits.get(key);
    if (!wait) {
      wait = Promise.all((["core", ...packs] as Part[]).map((part) => loadPart(lang, part))).then(() =>
        ready(lang, packs)!,
      );
      wait.catch(() => waits.delete(key));
      waits.set(key, wait);
    }
    return wait;
  }

  return { language, load, translator: (lang, packs = []) => ready(lang, packs) ?? load(lang, packs) };
}
