/*
 * Turns a language's strings into `t`. Jembatan's strings need three things: `{{name}}` values,
 * plurals by `count` (`key_one`, `key_other`, chosen by Intl.PluralRules) and a default for keys
 * made from data. That is all it does, so the browser does not carry a general i18n library
 * for it (i18next was 15 KB of gzipped JavaScript): see docs/decisions/0002-own-translator.md.
 */

/** A language's strings, nested by feature: `{ login: { title: "Sign in" } }`. */
export type Messages = { [key: string]: string | Messages };

/** The shape another language must fill for a set of English strings: the same keys, any strings. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export type TOptions = { count?: number; defaultValue?: string; [value: string]: unknown };
export type TFunction = (key: string, options?: TOptions) => string;

export interface Translator {
  language: string;
  t: TFunction;
}

/** `{ a: { b: "x" } }` → `Map { "a.b" → "x" }`, so a lookup is one map read. */
export function flatten(messages: Messages, into = new Map<string, string>(), prefix = ""): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") into.set(prefix + key, value);
    else flatten(value, into, `${prefix}${key}.`);
  }
  return into;
}

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

export function createTranslator(language: string, strings: Map<string, string>): Translator {
  const plurals = new Intl.PluralRules(language);
  const t: TFunction = (key, options) => {
    let text: string | undefined;
    if (typeof options?.count === "number") {
      text = strings.get(`${key}_${plurals.select(options.count)}`) ?? strings.get(`${key}_other`);
    }
    text ??= strings.get(key) ?? options?.defaultValue ?? key;
    if (!options || !text.includes("{{")) return text;
    return text.replace(placeholder, (whole, name: string) => {
      const value = options[name];
      return value === undefined || value === null ? whole : String(value);
    });
  };
  return { language, t };
}
