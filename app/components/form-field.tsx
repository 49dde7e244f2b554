import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { KeysUnder, ValueGroup } from "../i18n/keys";
import { useTranslation } from "../i18n/translation";
import { Link, useNavigation } from "react-router";
import type { FieldErrors } from "../forms/submission";
import type { Language } from "../i18n/config";
import { valueOf, type FieldMessage, type FormErrors, type FormValues } from "../lib/forms";
import { FieldError } from "./field-error";

/** A field of a Conform form whose messages are i18n keys (see app/forms/submission.ts). */
export type FieldMeta = FieldMetadata<unknown, Record<string, unknown>, FieldErrors>;

/** The field's value as the form starts with it (as typed, after a refusal), "" when none. */
export function textOf(meta: FieldMeta): string {
  const v = meta.initialValue;
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";
}

/** Every value of a repeated field (a checkbox group). */
export function listOf(meta: FieldMeta): string[] {
  const v = meta.initialValue;
  return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Conform's attributes for a field's control (id, name, form, default value, aria-invalid and
 * aria-describedby naming the error and the hint), without React's key, which may not be spread.
 */
export function controlProps(meta: FieldMeta, hintId?: string) {
  const { key: _key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return props;
}

/** The attributes that tie an input to its hint and its error, for screen readers as for eyes. */
interface InputAttributes {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** One labelled form field: label, optional hint, the input itself and its error beneath. */
export function Field({
  meta,
  id = meta?.id ?? "",
  name = meta?.name ?? "",
  label,
  error = meta?.errors?.[0],
  hint,
  optional,
  children,
}: {
  /** The Conform field: its id, name and first message. */
  meta?: FieldMeta;
  id?: string;
  name?: string;
  label: string;
  error?: FieldMessage;
  hint?: string;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  children: (attributes: InputAttributes) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("form.optional")})</span> : null}
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

/** A value list (lib/enums.ts) with the namespace of its labels: each choice must have one. */
type GroupChoices = { [G in ValueGroup]: { group: G; choices: readonly KeysUnder<G>[] } }[ValueGroup];

/** A select of a fixed list of choices, each named by the i18n key `<group>.<choice>`; the first is the default. */
export function EnumField({
  meta,
  id = meta?.id ?? "",
  name = meta?.name ?? id,
  label,
  hint,
  error = meta?.errors?.[0],
  choices,
  group,
  value = meta ? textOf(meta) : "",
}: {
  meta?: FieldMeta;
  id?: string;
  name?: string;
  label: string;
  hint?: string;
  error?: FieldMessage;
  value?: string;
} & GroupChoices) {
  const { t } = useTranslation();
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error}>
      {(a) => (
        <select {...a} defaultValue={value || choices[0]}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`${group}.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A record's own text, one input per language: `<name>En`, `<name>Id` and `<name>Az`. English is
 * the one every record has (required where `required`); Indonesian and Azerbaijani may always
 * stay empty, and emptying one removes that translation.
 */
export function LocalizedField({
  fields,
  name,
  idPrefix = "",
  labels,
  values = {},
  errors,
  maxLength,
  rows,
  required,
  markOptional = true,
  hint,
}: {
  /** The Conform fields of the languages; without them, `values` and `errors` by `<name>En`, `<name>Id`, `<name>Az`. */
  fields?: { en: FieldMeta; id: FieldMeta; az: FieldMeta };
  name: string;
  idPrefix?: string;
  labels: { en: string; id: string; az: string };
  values?: FormValues;
  errors?: FormErrors;
  maxLength: number;
  /** A textarea of this many rows; a one-line input without. */
  rows?: number;
  required?: boolean;
  /** Whether the optional inputs say so after their label. */
  markOptional?: boolean;
  /** Shown with the English input. */
  hint?: string;
}) {
  const input = (lang: Language, attributes: InputAttributes) => {
    const common = {
      ...attributes,
      maxLength,
      lang,
      required: lang === "en" && required,
      defaultValue: fields ? textOf(fields[lang]) : valueOf(values, attributes.name),
    };
    return rows ? <textarea {...common} rows={rows} /> : <input {...common} type="text" />;
  };
  return (
    <>
      <Field
        id={fields?.en.id ?? `${idPrefix}${name}En`}
        name={`${name}En`}
        label={labels.en}
        hint={hint}
        error={fields ? fields.en.errors?.[0] : errors?.[`${name}En`]}
        optional={markOptional && !required}
      >
        {(a) => input("en", a)}
      </Field>
      {(["id", "az"] as const).map((lang) => {
        const suffix = lang === "id" ? "Id" : "Az";
        return (
          <Field
            key={lang}
            id={fields?.[lang].id ?? `${idPrefix}${name}${suffix}`}
            name={`${name}${suffix}`}
            label={labels[lang]}
            error={fields ? fields[lang].errors?.[0] : errors?.[`${name}${suffix}`]}
            optional={markOptional}
          >
            {(a) => input(lang, a)}
          </Field>
        );
      })}
    </>
  );
}

/**
 * The submit button, resting while the form is on its way, and the way back without saving. With
 * `intent`, the button names what it asks for (a form whose other buttons ask for something else).
 */
export function FormActions({
  submitLabel,
  cancelTo,
  intent,
}: {
  submitLabel: string;
  cancelTo: string;
  intent?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // Both names: the forms' stylesheets (agreements.css, activity.css) style one each, alike.
  return (
    <div className="form-actions activity-form__actions">
      <button
        type="submit"
        name={intent ? "intent" : undefined}
        value={intent}
        className="button"
        disabled={navigation.state === "submitting"}
      >
        {submitLabel}
      </button>
      <Link to={cancelTo} className="button button--secondary">
        {t("form.cancel")}
      </Link>
    </div>
  );
}
