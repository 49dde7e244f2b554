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

/** A string cut at its `{{name}}` placeholders: the text between them, and each one's name. */
interface Template {
  texts: string[];
  names: string[];
  /** Each placeholder as written, shown as it stands when its value is missing. */
  wholes: string[];
}

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

function templateOf(text: string): Template {
  const template: Template = { texts: [], names: [], wholes: [] };
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    template.texts.push(text.slice(last, match.index));
    template.wholes.push(match[0]);
    template.names.push(match[1]!);
    last = match.index + match[0].length;
  }
  template.texts.push(text.slice(last));
  return template;
}

function fill({ texts, names, wholes }: Template, values: TOptions): string {
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) {
    const value = values[names[i]!];
    out += (value === undefined || value === null ? wholes[i]! : String(value)) + texts[i + 1]!;
  }
  return out;
}

/**
 * `t` runs for every label of every page (a few hundred times a page), so each string is cut at its
 * placeholders once and each plural stem's forms are looked up once, not on every call.
 */
export function createTranslator<Key extends string = TranslationKey>(
  language: string,
  strings: Map<string, string>,
): Translator<Key> {
  const plurals = new Intl.PluralRules(language);
  const templates = new Map<string, Template>();
  const pluralForms = new Map<string, Partial<Record<Intl.LDMLPluralRule, string>>>();
  const formsOf = (key: string) => {
    let forms = pluralForms.get(key);
    if (!forms) {
      forms = {};
      for (const form of ["zero", "one", "two", "few", "many", "other"] as const) {
        const text = strings.get(`${key}_${form}`);
        if (text !== undefined) forms[form] = text;
      }
      pluralForms.set(key, forms);
    }
    return forms;
  };
  // Counts are mostly small whole numbers: their plural form, once chosen, is kept.
  const smallCounts: Intl.LDMLPluralRule[] = [];
  const pluralOf = (n: number) =>
    Number.isInteger(n) && n >= 0 && n < 1000 ? (smallCounts[n] ??= plurals.select(n)) : plurals.select(n);
  const t = (key: string, options?: TOptions): string => {
    let text: string | undefined;
    if (typeof options?.count === "number") {
      const forms = formsOf(key);
      text = forms[pluralOf(options.count)] ?? forms.other;
    }
    text ??= strings.get(key);
    if (text === undefined) {
      // Not one of the language's strings (a default, or the key itself): cut afresh, not kept.
      const fallback = options?.defaultValue ?? key;
      return options ? fill(templateOf(fallback), options) : fallback;
    }
    if (!options) return text;
    let template = templates.get(text);
    if (!template) templates.set(text, (template = templateOf(text)));
    return template.names.length ? fill(template, options) : text;
  };
  return { language, t };
}
