import { type z } from "zod";
import { isTranslationKey, type TranslationKey } from "../i18n/keys";

/** A message for one field, as an i18n key and its values, so it renders in the reader's language. */
export interface FieldMessage {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

export type FormErrors = Record<string, FieldMessage>;

/** What a form shows in its fields: typed values, or a record's own; any may be absent. */
export type FormValues = Record<string, string | string[] | undefined>;

/** Blank inputs count as missing, so `required` reads the same for every field. */
export const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const boundKeys = {
  number: { min: "validation.tooSmall", max: "validation.tooLarge" },
  // A bound the value may not equal (`.positive()`: above 0).
  numberExclusive: { min: "validation.notAbove", max: "validation.notBelow" },
  items: { min: "validation.tooFew", max: "validation.tooMany" },
  text: { min: "validation.tooShort", max: "validation.tooLong" },
} as const;

const boundKind = (origin: string, inclusive: boolean | undefined) =>
  origin === "number" || origin === "int" || origin === "bigint"
    ? inclusive === false
      ? "numberExclusive"
      : "number"
    : origin === "array" || origin === "set"
      ? "items"
      : "text";

/** The message of a schema's issue, as an i18n key and its values. */
export function messageFor(issue: z.core.$ZodIssue): FieldMessage {
  // A schema may name its own message by i18n key, e.g. .refine(..., "activities.endBeforeStart").
  if (isTranslationKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "invalid_type":
      return { key: "validation.required" };
    // A bound is a number's value, a list's length or a text's characters, and reads as such.
    case "too_small":
      return { key: boundKeys[boundKind(issue.origin, issue.inclusive)].min, values: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: boundKeys[boundKind(issue.origin, issue.inclusive)].max, values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "validation.email" : "validation.invalid" };
    case "invalid_value":
      return { key: "validation.invalidChoice" };
    default:
      return { key: "validation.invalid" };
  }
}

/**
 * How often one name may repeat in a form: the longest checkbox group offers far fewer. The
 * request layer refuses more before a route sees the form (see app/lib/form-body.server.ts).
 */
export const maxRepeats = 200;

/**
 * Control characters a browser's text field never sends: NUL (which PostgreSQL refuses in text),
 * the other C0 codes but tab, line feed and carriage return, DEL and the C1 codes.
 */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const allControlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const hasControlCharacters = (value: string) => controlCharacters.test(value);

/** The text without the control characters refused, for the user to check. */
export const withoutControlCharacters = (value: string) => value.replace(allControlCharacters, "");

/** The first value of a field ("" when absent). */
export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/** Every value of a repeated field (checkbox groups). */
export function listOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The field names an object schema knows (through a transform's input), or none if it is no object. */
export function fieldNames(schema: z.ZodType): Set<string> | undefined {
  // Read from the schema's definition rather than by instanceof, which would bring zod itself into
  // the browser's bundle with this module.
  const def = (schema as unknown as { def?: { type?: string; shape?: object; in?: z.ZodType } }).def;
  if (def?.type === "object" && def.shape) return new Set(Object.keys(def.shape));
  if (def?.type === "pipe" && def.in) return fieldNames(def.in);
  return undefined;
}
