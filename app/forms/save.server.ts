// The one way a form action saves a record and answers: a redirect, or the ActionResult shape.
import { data } from "react-router";
import type { z } from "zod";
import type { FieldMessage, FormErrors } from "../lib/forms";
import { notFound } from "../lib/http";
import { ConflictError, RecordError } from "../models/errors.server";
import { missingReference } from "../models/missing-reference.server";
import { intentField, type ActionResult, type ConflictView, type FormValues } from "./result";
import { parseSubmission, reply, type FieldErrors, type FormReply, type FormSubmission } from "./submission";

/** The intent a form posts when it does not say: pages with one form need not. */
export const saveIntent = "save";
/** Back from the conflict view: the editor's values go back into the form with the current version. */
export const reviseIntent = "revise";

/** The intent the form names, or `fallback` for a form that names none. */
export const intentOf = (form: FormData, fallback = saveIntent) => String(form.get(intentField) || fallback);

/** Messages by field in Conform's shape: a list per field, "" for the form as a whole. */
export const asFieldErrors = (errors: FormErrors): Record<string, FieldErrors> =>
  Object.fromEntries(Object.entries(errors).map(([field, message]) => [field === "form" ? "" : field, [message]]));

/** The answer of a form action that does not redirect. */
export function answer(
  status: number,
  result: Pick<ActionResult, "intent" | "reply"> & Partial<Pick<ActionResult, "conflict" | "revised">>,
  init?: ResponseInit,
) {
  return data<ActionResult>({ conflict: null, revised: false, ...result }, { ...init, status });
}

/** A refusal that is not about the typed fields (a bad intent, a rate limit): a message for the form. */
export function refuse(intent: string, message: FormErrors[string], status = 400, init?: ResponseInit) {
  const formReply: FormReply = { status: "error", initialValue: {}, error: { "": [message] } };
  return answer(status, { intent, reply: formReply }, init);
}

/** A refused submission, with the messages the schema or the model gave. */
export const refuseSubmission = (
  intent: string,
  submission: FormSubmission<z.ZodType>,
  status = 400,
  fieldErrors?: Record<string, FieldErrors>,
  init?: ResponseInit,
) => answer(status, { intent, reply: reply(submission, fieldErrors) }, init);

/**
 * Runs the handler of the form's intent: every page dispatches its forms this way. An intent the
 * page does not know answers 400, never a fault.
 */
export async function dispatchIntent<R>(
  form: FormData,
  handlers: Record<string, () => Promise<R>>,
  fallback = saveIntent,
) {
  const intent = intentOf(form, fallback);
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  return handler ? handler() : refuse(intent, { key: "validation.invalid" });
}

interface SaveOptions<S extends z.ZodType, Saved> {
  /** The intent of the form, for a page of several forms (default "save"). */
  intent?: string;
  /** Writes the record; null when it is gone. May throw a RecordError or a ConflictError. */
  save: (value: z.output<S>) => Promise<Saved | null>;
  /** The answer once saved: a redirect, usually with a notice. */
  done: (saved: Saved) => Response | Promise<Response>;
  /** The i18n key said when the record is gone; without it, the page answers 404. */
  gone?: FieldMessage["key"];
  /** For a stale save without a conflict view: the message above the form (409). */
  stale?: FieldMessage["key"];
  /** For a versioned record: both versions, for the conflict view of a stale save. */
  conflict?: (value: z.output<S>, current: unknown, typed: FormValues) => Promise<ConflictView>;
}

/**
 * Checks the form with `schema`, saves it and answers: the `done` redirect, 400 (or the rule's
 * status) with the messages beside the fields, 409 with both versions for the conflict view (or
 * with a message beside a choice that no longer exists, an organisation merged meanwhile), each
 * with the form's fields as typed. A `revise` post (from the conflict view) brings the typed values
 * back into the form with the version the editor has now seen.
 */
export async function saveForm<S extends z.ZodType, Saved>(form: FormData, schema: S, options: SaveOptions<S, Saved>) {
  const intent = options.intent ?? saveIntent;
  const submission = parseSubmission(form, schema);
  if (form.get(intentField) === reviseIntent) {
    // Shown again as typed, messages and all: the editor is about to look at them anyway.
    return answer(200, { intent, reply: reply(submission), revised: true });
  }
  // One of Conform's own requests (validate a field, add a row): answered with the check, nothing saved.
  if (submission.status === undefined) return answer(200, { intent, reply: reply(submission) });
  if (submission.status !== "success") return refuseSubmission(intent, submission);
  try {
    const saved = await options.save(submission.value);
    if (saved) return await options.done(saved);
    if (!options.gone) notFound();
    // Deleted while it was being edited: say so, and keep what was typed on screen.
    return refuseSubmission(intent, submission, 404, { "": [{ key: options.gone }] });
  } catch (error) {
    if (error instanceof RecordError) {
      return refuseSubmission(intent, submission, error.status, asFieldErrors(error.errors));
    }
    const gone = missingReference(error);
    if (gone !== null) {
      // A save is one transaction, so nothing of it was kept; the message goes beside the choice.
      const field = Object.hasOwn(submission.payload, gone) ? gone : "";
      return refuseSubmission(intent, submission, 409, { [field]: [{ key: "validation.unknownChoice" }] });
    }
    if (!(error instanceof ConflictError)) throw error;
    if (options.stale) return refuseSubmission(intent, submission, 409, { "": [{ key: options.stale }] });
    if (!options.conflict) throw error;
    const conflict = await options.conflict(submission.value, error.current, submission.payload as FormValues);
    return answer(409, { intent, reply: reply(submission), conflict });
  }
}
