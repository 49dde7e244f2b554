import { data, redirect } from "react-router";
import type { z } from "zod";
import type { Database } from "../../db/client";
import { describeConflict, type ConflictInfo } from "../models/conflict.server";
import { ConflictError, RuleError } from "../models/errors.server";
import { parseForm, typedValues, type FormErrors, type TypedValues } from "./forms";
import { notFound } from "./http";

/** How a stale edit of a versioned record is reported: the fields the conflict view compares. */
interface ConflictReport {
  entityType: string;
  entityId: number;
  /** The version the editor started from. */
  version: number;
  fields: string[];
  /** The form's values of a stored record, saved now or as the audit log kept it. */
  toValues: (row: never) => TypedValues;
  /** The i18n key of the alert above the form. */
  message: string;
}

/**
 * The action of an agreement or commitment form page: checks the form, saves it and redirects.
 * A wrong field or a broken rule answers 400 and a stale version 409 with what the conflict view
 * shows; the form comes back with the values as typed (after a conflict, based on the saved version).
 */
export async function saveRecordForm<S extends z.ZodType, Saved>(
  db: Database,
  form: FormData,
  schema: S,
  options: {
    save: (input: z.output<S>) => Promise<Saved | null>;
    redirectTo: (saved: Saved) => string;
    conflict?: (input: z.output<S>) => ConflictReport;
  },
) {
  const answer = (status: number, errors: FormErrors, values: TypedValues, conflict: ConflictInfo | null = null) =>
    data({ errors, values, conflict }, { status });
  const parsed = parseForm(schema, form);
  if (!parsed.success) return answer(400, parsed.errors, parsed.values);
  const values = typedValues(form);
  try {
    const saved = await options.save(parsed.data);
    if (!saved) notFound();
    return redirect(options.redirectTo(saved));
  } catch (error) {
    if (error instanceof RuleError) return answer(400, error.errors, values);
    if (!(error instanceof ConflictError) || !options.conflict) throw error;
    const { message, ...report } = options.conflict(parsed.data);
    const current = report.toValues(error.current as never);
    const conflict = await describeConflict(db, { ...report, current, yours: values });
    return answer(409, { form: { key: message } }, { ...values, version: current.version! }, conflict);
  }
}
