import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import type { FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { ErrorSummary } from "./form-errors";
import type { useRecordForm } from "./use-record-form";

/**
 * A record's form as its editors see it: the summary of what was refused (named by `summary`), the
 * notice (after a conflict), then the form, posting `intent=save` with the version it was based on.
 */
export function RecordForm({
  form,
  summary,
  notice,
  className,
  version,
  children,
}: {
  form: ReturnType<typeof useRecordForm>[0];
  summary: { labels: Record<string, string>; order?: string[]; anchors?: Record<string, string> };
  notice?: ReactNode;
  className: string;
  version: string;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} {...summary} />
      {notice}
      <Form method="post" className={className} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        {children}
      </Form>
    </>
  );
}

/** A group of a form's fields under its legend, described by its hint. */
export function FormSection({
  hintId,
  legend,
  hint,
  children,
}: {
  hintId: string;
  legend: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="activity-form__group" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {children}
    </fieldset>
  );
}

/**
 * The error summary's names, order and links for a form with groups of rows: a field by its label,
 * a wrong cell of a row as "Position 2: From" linking to the cell (`<prefix>-<column>-<row>`), in
 * the page's order.
 */
export function summaryWithRows(
  fieldOrder: readonly string[],
  label: (field: string) => string,
  errors: Record<string, FieldErrors | undefined> | FormValues,
  prefix: string,
  groups: Record<string, { columns: readonly string[]; row: (n: number) => string }>,
) {
  const labels: Record<string, string> = {};
  const order: string[] = [];
  const anchors: Record<string, string> = {};
  for (const field of fieldOrder) {
    const group = groups[field];
    if (!group) {
      labels[field] = label(field);
      order.push(field);
      continue;
    }
    for (const name of Object.keys(errors).sort()) {
      const match = /^(\w+)\[(\d+)\]$/.exec(name);
      if (!match || !group.columns.includes(match[1]!)) continue;
      labels[name] = `${group.row(Number(match[2]) + 1)}: ${label(match[1]!)}`;
      anchors[name] = `${prefix}-${match[1]}-${match[2]}`;
      order.push(name);
    }
  }
  return { labels, order, anchors };
}
