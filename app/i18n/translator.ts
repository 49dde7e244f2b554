/*
 * Turns a language's strings into `t`. Jembatan's strings need three things: `{{name}}` values,
 * plurals by `count` (`key_one`, `key_other`, chosen by Intl.PluralRules) and a default for keys
 * made from data. That is all it does, so the browser does not carry a general i18n library
 * for it (i18next was 15 KB of gzipped JavaScript): see docs/decisions/0002-own-translator.md.
 */
import type { TranslationKey } from "./keys";

/** A language's strings, nested by feature: `{ login: { title: "Sign in" } }`. */
export type Messages = { [key: string]: string | Messages };

/** The shape another language must fill for a set of English strings: the same keys, any strings. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export type TOptions = { count?: number; defaultValue?: string; [value: string]: unknown };

type PluralForm = "zero" | "one" | "two" | "few" | "many" | "other";

/** Every "a.b" path to a string in a nested set of strings. */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * The keys `t` accepts for a set of strings: each string's path, where plural forms
 * (`overdue_one`, `overdue_other`) are asked for by their common stem with a count (`overdue`).
 */
export type KeysOf<T> =
  | Exclude<Leaves<T>, `${string}_${PluralForm}`>
  | (Leaves<T> extends infer L ? (L extends `${infer Stem}_${PluralForm}` ? Stem : never) : never);

/**
 * A misspelt or missing key is a type error. A key made from data (an audit action, a field's
 * name) that may have no string is accepted only with the text to show instead (`defaultValue`).
 */
export interface TFunction<Key extends string = TranslationKey> {
  (key: Key, options?: TOptions): string;
  (key: string, options: TOptions & { defaultValue: string }): string;
}

export interface Translator<Key extends string = TranslationKey> {
  language: string;
  t: TFunction<Key>;
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

export function createTranslator<Key extends string = TranslationKey>(
  language: string,
  strings: Map<string, string>,
): Translator<Key> {
  const plurals = new Intl.PluralRules(language);
  const t = (key: string, options?: TOptions): string => {
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
