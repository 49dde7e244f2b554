import { getFormProps, type FormMetadata } from "@conform-to/react";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { Form } from "react-router";
import type { FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { Field, FormActions } from "./form-field";

/** A row on screen: a key that stays with it while rows come and go. */
export type RepeatedRow = { key: string };

/**
 * The rows of a form of repeated rows, added and removed at once with JavaScript; the buttons that
 * do it post the form without (the server answers with a row more or less, nothing saved). Focus
 * follows: to the first control matching `focus` in a new row, to the add button after a removal.
 */
export function useRepeatedRows<R extends RepeatedRow>(initial: () => R[], focus: string, addId: string) {
  const [rows, setRows] = useState<R[]>(initial);
  const focusKey = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(`[data-row="${focusKey.current}"] ${focus}, #${addId}`);
    focusKey.current = null;
    target?.focus();
  }, [rows, focus, addId]);
  return {
    rows,
    listRef,
    add: (event: MouseEvent, row: R) => {
      event.preventDefault();
      focusKey.current = row.key;
      setRows((current) => [...current, row]);
    },
    remove: (event: MouseEvent, key: string) => {
      event.preventDefault();
      focusKey.current = "";
      setRows((current) => current.filter((r) => r.key !== key));
    },
  };
}

/** A button that adds or removes a row: at once with JavaScript (`onClick`), by posting `intent` without. */
function RowButton({
  id,
  intent,
  label,
  onClick,
}: {
  id?: string;
  intent: string;
  label: string;
  onClick: (event: MouseEvent) => void;
}) {
  return (
    <button id={id} type="submit" name="intent" value={intent} className="button button--secondary" onClick={onClick}>
      {label}
    </button>
  );
}

/** A row's fieldset, numbered by its legend; with `remove`, the button that takes it out. */
export function RowFieldset({
  rowKey,
  legend,
  className,
  remove,
  children,
}: {
  rowKey?: string;
  legend: string;
  className: string;
  remove?: { intent: string; label: string; className: string; onClick: (event: MouseEvent) => void };
  children: ReactNode;
}) {
  return (
    <fieldset data-row={rowKey} className={className}>
      <legend>{legend}</legend>
      {children}
      {remove ? (
        <p className={remove.className}>
          <RowButton {...remove} />
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The form around repeated rows: Enter in a field saves (a hidden first submit button, the one a
 * browser presses for it), the rows with the button that adds one after them, then save and cancel.
 */
export function RepeatedRowsForm({
  form,
  className,
  version,
  intro,
  rowsClassName,
  listRef,
  add,
  saveLabel,
  cancelTo,
  children,
}: {
  form: FormMetadata<FormValues, FieldErrors>;
  className: string;
  version: string;
  intro: ReactNode;
  rowsClassName: string;
  listRef: React.RefObject<HTMLDivElement | null>;
  add: { id: string; intent: string; label: string; onClick: (event: MouseEvent) => void };
  saveLabel: string;
  cancelTo: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {saveLabel}
      </button>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {intro}
      <div ref={listRef} className={rowsClassName}>
        {children}
        <p>
          <RowButton {...add} />
        </p>
      </div>
      <FormActions submitLabel={saveLabel} cancelTo={cancelTo} intent="save" />
    </Form>
  );
}

/** A cell's control attributes: its id, name, description and starting value. */
export type CellAttributes = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  defaultValue: string;
};

/**
 * One cell of a row: a labelled field named by its column, its id `<prefix>-<column>-<row>` (where
 * the error summary links), its error the one the form gave `<column>[<row>]`, starting at `value`.
 */
export function RowCell({
  prefix,
  column,
  row,
  label,
  errors,
  value,
  hint,
  optional,
  children,
}: {
  prefix: string;
  column: string;
  row: number;
  label: string;
  errors: Record<string, FieldErrors | undefined>;
  value: string;
  hint?: string;
  optional?: boolean;
  children: (attributes: CellAttributes) => ReactNode;
}) {
  return (
    <Field
      id={`${prefix}-${column}-${row}`}
      name={column}
      label={label}
      error={errors[`${column}[${row}]`]?.[0]}
      hint={hint}
      optional={optional}
    >
      {(a) => children({ ...a, defaultValue: value })}
    </Field>
  );
}

/**
 * How many rows hold anything typed: up to the last one with a value in one of `typed` (a
 * prefilled choice alone is nothing). A form offers blank rows after these: a browser without
 * JavaScript adds a row by filling one.
 */
export function filledRows(column: (name: string) => string[], typed: readonly string[]): number {
  let filled = Math.max(0, ...typed.map((c) => column(c).length));
  while (filled > 0 && typed.every((c) => !column(c)[filled - 1])) filled--;
  return filled;
}
