import { type z } from "zod";

/** A message for one field, as an i18n key and its values, so it renders in the reader's language. */
export interface FieldMessage {
  key: string;
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

function messageFor(issue: z.core.$ZodIssue): FieldMessage {
  // A schema may name its own message by i18n key, e.g. .refine(..., "activities.endBeforeStart").
  if (/^[a-z]+\.[a-zA-Z.]+$/.test(issue.message)) return { key: issue.message };
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

export function typedValues(form: FormData): TypedValues {
  const values: TypedValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prior = values[name];
    values[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return values;
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

/** Collects a form's fields (repeated names become lists) and checks them against `schema`. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.output<S>> {
  const values = typedValues(form);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { success: true, data: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= messageFor(issue);
  }
  // Never echo a password back into the page.
  for (const name of Object.keys(values)) if (/password/i.test(name)) delete values[name];
  return { success: false, errors, values };
}
