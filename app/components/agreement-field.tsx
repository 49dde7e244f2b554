import { useTranslation } from "react-i18next";
import type { FieldMessage, FormErrors } from "../lib/forms";
import { FieldError } from "./field-error";

export type FormValues = Record<string, string | string[] | undefined>;

/** The attributes that tie an input to its hint and its error, for screen readers as for eyes. */
export interface InputAttributes {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** One labelled form field: label, optional hint, the input itself and its error beneath. */
export function Field({
  id,
  name,
  label,
  error,
  hint,
  optional,
  children,
}: {
  id: string;
  name: string;
  label: string;
  error?: FieldMessage;
  hint?: string;
  optional?: boolean;
  children: (attributes: InputAttributes) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("agreements.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function listOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The summary above a form that failed: one alert naming the problem, the details beside each field. */
export function FormAlert({ errors, id }: { errors?: FormErrors; id?: string }) {
  const { t } = useTranslation();
  if (!errors || !Object.keys(errors).length) return null;
  const message = errors.form ?? { key: "validation.formErrors" };
  return (
    <div role="alert" className="alert" id={id}>
      {t(message.key, message.values)}
    </div>
  );
}

/** A posted form's fields as typed (repeated names become lists), to show them again. */
export function typedValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prior = values[name];
    values[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return values;
}
