import type { en } from "./locales/en";
import type { KeysOf } from "./translator";

/**
 * Every key `t` knows, derived from the English strings (every other language has the same keys:
 * `SameKeys`). A type only: the browser loads no strings for it.
 */
export type TranslationKey = KeysOf<typeof en>;

/**
 * Whether a message a schema names (`.refine(check, "activities.endBeforeStart")`) has the shape of a
 * key. Zod carries messages as strings, so this is where a key stops being checked by the compiler:
 * tests/unit/translation-keys.test.ts checks the ones the schemas name.
 */
export function isTranslationKey(message: string): message is TranslationKey {
  return /^[a-z][a-zA-Z]*\.[a-zA-Z.]+$/.test(message);
}

/** The keys under a namespace, without it: `KeysUnder<"roles">` is `"admin" | "editor" | "viewer"`. */
export type KeysUnder<Namespace extends string> = TranslationKey extends infer Key
  ? Key extends `${Namespace}.${infer Rest}`
    ? Rest
    : never
  : never;

/** The namespaces that label a value list's values (lib/enums.ts): `activityType.visit`. */
export type ValueGroup =
  | "activityType"
  | "activityMode"
  | "activityStatus"
  | "agreementKind"
  | "agreementStatus"
  | "commitmentStatus"
  | "caseStatus"
  | "caseSector"
  | "adminLevel"
  | "awardKey"
  | "caseLinkStatus"
  | "enquiryStatus"
  | "roles";
