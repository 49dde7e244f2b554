// Parsing a posted form with its zod schema through Conform, the same on the server and in the browser.
import { parse, type Submission, type SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import {
  fieldNames,
  hasControlCharacters,
  maxRepeats,
  messageFor,
  withoutControlCharacters,
  type FieldMessage,
  type FormErrors,
  type FormValues,
} from "../lib/forms";

/** A field's messages; the forms show the first. The key "" holds the form's own message. */
export type FieldErrors = FieldMessage[];

/** What the server answers a refused form with: Conform's reply, with messages as i18n keys. */
export type FormReply = SubmissionResult<FieldErrors>;

export type FormSubmission<S extends z.ZodType> = Submission<z.input<S>, FieldErrors, z.output<S>>;

// Conform's own fields: which of its intents (validate, insert, ...) was sent, and the form's state.
const conformFields = new Set(["__intent__", "__state__"]);

const isJsonObject = (value: string) => {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null;
  } catch {
    return false;
  }
};

function pathName(path: PropertyKey[]) {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${String(p)}` : String(p))).join("");
}

/**
 * Checks a form against `schema` and keeps only the fields the schema knows: a form padded with
 * thousands of other fields costs one pass and none of them comes back. A control character a text
 * field never sends is refused with a message, and the field comes back without it. Passwords are
 * never put back into the page (see `reply`).
 */
export function parseSubmission<S extends z.ZodType>(form: FormData, schema: S): FormSubmission<S> {
  const names = fieldNames(schema);
  const known = new FormData();
  const refused = new Set<string>();
  // Conform gathers a repeated name by copying its list each time: past the request layer's limit
  // (which refuses such a form before a route sees it) further repeats are not read at all.
  const repeats = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (conformFields.has(name)) {
      // Conform parses its own fields as JSON: anything else is no intent of its, and dropped.
      if (typeof value === "string" && isJsonObject(value)) known.append(name, value);
      continue;
    }
    if (typeof value !== "string" || (names && !names.has(name))) continue;
    const seen = (repeats.get(name) ?? 0) + 1;
    repeats.set(name, seen);
    if (seen > maxRepeats) continue;
    if (hasControlCharacters(value)) refused.add(name);
    known.append(name, refused.has(name) ? withoutControlCharacters(value) : value);
  }
  return parse(known, {
    resolve(payload) {
      const error: Record<string, FieldErrors> = {};
      for (const name of refused) error[name] = [{ key: "validation.controlCharacters" }];
      const parsed = schema.safeParse(payload);
      // One message per field, the first the schema found: the others usually follow from it.
      if (!parsed.success) for (const issue of parsed.error.issues) error[pathName(issue.path)] ??= [messageFor(issue)];
      return Object.keys(error).length || !parsed.success ? { error } : { value: parsed.data };
    },
  }) as FormSubmission<S>;
}

/** Fields whose value is never sent back to the browser. */
export const isSecret = (name: string) => /password/i.test(name);

/**
 * The reply to a submission: what was typed (the schema's fields only, never a password) and the
 * messages by field; `fieldErrors` adds messages the model gave after the schema passed.
 */
export function reply(
  submission: Submission<unknown, FieldErrors, unknown>,
  fieldErrors?: Record<string, FieldErrors>,
): FormReply {
  const hideFields = Object.keys(submission.payload).filter(isSecret);
  const { "": formErrors, ...others } = fieldErrors ?? {};
  return fieldErrors
    ? submission.reply({ hideFields, formErrors, fieldErrors: others })
    : submission.reply({ hideFields });
}

/**
 * The form checked as the app checks it, as a plain result: the value, or the first message of
 * each field ("" for the form's own) with the values as the reply gives them back.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { success: true; data: z.output<S> } | { success: false; errors: FormErrors; values: FormValues } {
  const submission = parseSubmission(form, schema);
  if (submission.status === "success") return { success: true, data: submission.value };
  const refused = reply(submission);
  const errors: FormErrors = {};
  for (const [field, messages] of Object.entries(refused.error ?? {})) if (messages?.[0]) errors[field] = messages[0];
  return { success: false, errors, values: (refused.initialValue ?? {}) as FormValues };
}
