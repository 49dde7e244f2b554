import { type z } from "zod";
import { isTranslationKey, type TranslationKey } from "../i18n/keys";

/** A message for one field, as an i18n key and its values, so it renders in the reader's language. */
export interface FieldMessage {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

export type FormErrors = Record<string, FieldMessage>;

/** A posted form's fields as typed: repeated names (checkbox groups) become lists. */
export type TypedValues = Record<string, string | string[]>;

/** What a form shows in its fields: typed values, or a record's own; any may be absent. */
export type FormValues = Record<string, string | string[] | undefined>;

type FormResult<T> = { success: true; data: T } | { success: false; errors: FormErrors; values: TypedValues };

/** Blank inputs count as missing, so `required` reads the same for every field. */
export const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The message of a schema's issue, as an i18n key and its values. */
export function messageFor(issue: z.core.$ZodIssue): FieldMessage {
  // A schema may name its own message by i18n key, e.g. .refine(..., "activities.endBeforeStart").
  if (isTranslationKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "invalid_type":
      return { key: "validation.required" };
    case "too_small":
      return { key: "validation.tooShort", values: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: "validation.tooLong", values: { max: Number(issue.maximum) } };
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

export function typedValues(form: FormData): TypedValues {
  // Lists grow in place: copying a list on each repeat made a form of n repeats cost n². No
  // prototype, so a field named "__proto__" is a field like any other.
  const values = Object.create(null) as TypedValues;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prior = values[name];
    if (prior === undefined) values[name] = value;
    else if (Array.isArray(prior)) prior.push(value);
    else values[name] = [prior, value];
  }
  return { ...values };
}

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
const withoutControlCharactersIn = (value: string | string[]): string | string[] =>
  Array.isArray(value) ? value.map(withoutControlCharacters) : withoutControlCharacters(value);

/** Fields holding a control character, each with its message: checked before the schema. */
function controlCharacterErrors(values: TypedValues): FormErrors {
  const errors: FormErrors = {};
  for (const [name, value] of Object.entries(values)) {
    if ((Array.isArray(value) ? value : [value]).some(hasControlCharacters)) {
      errors[name] = { key: "validation.controlCharacters" };
    }
  }
  return errors;
}

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

/** Only the fields the schema knows: a form padded with thousands of others must not come back whole. */
function knownFields(values: TypedValues, names: Set<string> | undefined): TypedValues {
  if (!names) return values;
  const known = Object.create(null) as TypedValues;
  for (const name of names) if (values[name] !== undefined) known[name] = values[name];
  return { ...known };
}

/** Collects a form's fields (repeated names become lists) and checks them against `schema`. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.output<S>> {
  const values = knownFields(typedValues(form), fieldNames(schema));
  const errors = controlCharacterErrors(values);
  const parsed = schema.safeParse(values);
  if (parsed.success && !Object.keys(errors).length) return { success: true, data: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= messageFor(issue);
  }
  for (const name of Object.keys(values)) {
    // Never echo a password back into the page.
    if (/password/i.test(name)) delete values[name];
    // What was typed comes back without the characters refused, for the user to check.
    else if (errors[name]?.key === "validation.controlCharacters")
      values[name] = withoutControlCharactersIn(values[name]!);
  }
  return { success: false, errors, values };
}
