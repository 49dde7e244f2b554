// The one shape every form action answers with when it does not redirect.
import type { FormReply } from "./submission";

/** A form's fields as a page shows them: strings, lists for checkbox groups; any may be absent. */
export type FormValues = Record<string, string | string[] | undefined>;

/**
 * A save that came too late: someone saved the record since the editor loaded it. Both versions
 * side by side, as form values, and the version saved now (the form goes back with it, so the next
 * save overwrites deliberately).
 */
export interface ConflictView {
  /** What the editor submitted, as form values normalized like the stored version. */
  yours: FormValues;
  /** The record as saved now. */
  theirs: FormValues;
  version: number;
  /** Who saved last, and when (ISO 8601); null where the audit log does not say. */
  savedBy: { name: string | null; label: string | null; at: string } | null;
  /** The fields someone else changed since the editor's version (from the audit log). */
  changed: string[];
}

export interface ActionResult {
  /** The `intent` of the form that was posted, so a page of several forms answers at the right one. */
  intent: string;
  /** What was typed (the schema's fields, never a password) and the messages by field ("" for the form). */
  reply: FormReply;
  conflict: ConflictView | null;
  /** True when the editor took their changes back to the form from the conflict view. */
  revised: boolean;
}

/** The action's answer if it was for one of `intents`: each form of a page shows only its own. */
export function resultFor(result: ActionResult | undefined, ...intents: string[]): ActionResult | undefined {
  return result && intents.includes(result.intent) ? result : undefined;
}

/** The name of the field that says which of a page's forms was posted. */
export const intentField = "intent";
