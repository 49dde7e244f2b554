import { useForm, type FormMetadata } from "@conform-to/react";
import type { z } from "zod";
import type { ActionResult, FormValues } from "../forms/result";
import { parseSubmission, type FieldErrors } from "../forms/submission";
import type { FieldMeta } from "./form-field";

/**
 * A form of the app through Conform: it starts from `defaultValue` (a record's values) or, after
 * the server refused it, from the reply (what was typed, with the messages). With `schema`, the
 * browser checks the whole form with the server's schema before sending it, and each wrong field
 * again as it is corrected; without JavaScript the server's answer alone does, the same. Without
 * `schema` (a page whose script budget has no room for zod), the server checks it as it is sent.
 * `Name` lists the fields the page reads (e.g. `keyof z.input<typeof schema>`).
 */
export function useRecordForm<Name extends string>({
  id,
  result,
  defaultValue,
  schema,
}: {
  id: string;
  result?: ActionResult;
  defaultValue?: FormValues;
  schema?: z.ZodType;
}) {
  const [form, fields] = useForm<FormValues, unknown, FieldErrors>({
    id,
    lastResult: result?.reply,
    defaultValue,
    // Checked as the form is sent, then as each wrong field is corrected: validating on blur would
    // post a validation request whenever the lessons' textarea gives way to the editor. A form
    // checked by the server alone is checked again only when sent: no request per keystroke.
    shouldValidate: "onSubmit",
    shouldRevalidate: schema ? "onInput" : "onSubmit",
    onValidate: schema ? ({ formData }) => parseSubmission(formData, schema) : undefined,
  });
  // Conform makes a field's metadata for any name asked for.
  return [form, fields as Record<Name, FieldMeta>] as [FormMetadata<FormValues, FieldErrors>, Record<Name, FieldMeta>];
}
