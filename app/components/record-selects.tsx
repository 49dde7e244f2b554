import type { ComponentProps, ReactNode } from "react";
import { localized, type LocalizedText } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { Field, textOf, type FieldMeta } from "./form-field";

/** A select's own attributes; the selects below add an empty first choice labelled `none`. */
type SelectProps = Omit<ComponentProps<"select">, "children">;

/** An organisation as the selects name it: "Name (ACRONYM)". */
export type OrganizationChoice = { id: number; name: LocalizedText; acronym: string | null };
type OrganizationSelectProps = { none: string; organizations: readonly OrganizationChoice[]; exclude?: number };
type CountrySelectProps = { none: string; countries: readonly { code: string; name: LocalizedText }[] };
type AgreementSelectProps = { none: string; agreements: readonly { id: number; title: LocalizedText }[] };

function RecordSelect({
  none,
  choices,
  ...attributes
}: SelectProps & { none: string; choices: { value: string; label: string }[] }) {
  return (
    <select {...attributes}>
      <option value="">{none}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** A select of organisations, e.g. a host or a parent; `exclude` leaves one out (a record's own). */
export function OrganizationSelect({ organizations, exclude, ...props }: SelectProps & OrganizationSelectProps) {
  const lang = useLanguage();
  const choices = organizations
    .filter((o) => o.id !== exclude)
    .map((o) => ({ value: String(o.id), label: localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : "") }));
  return <RecordSelect {...props} choices={choices} />;
}

/** A select of countries, by their name in the reader's language. */
export function CountrySelect({ countries, ...props }: SelectProps & CountrySelectProps) {
  const lang = useLanguage();
  return (
    <RecordSelect {...props} choices={countries.map((c) => ({ value: c.code, label: localized(c.name, lang) }))} />
  );
}

/** A select of agreements, by their title in the reader's language. */
export function AgreementSelect({ agreements, ...props }: SelectProps & AgreementSelectProps) {
  const lang = useLanguage();
  return (
    <RecordSelect
      {...props}
      choices={agreements.map((a) => ({ value: String(a.id), label: localized(a.title, lang) }))}
    />
  );
}

/** Where a select of records sits in a Conform form: its field, label, hint and "(optional)". */
type FieldPlace = { meta: FieldMeta; label: string; hint?: string; optional?: boolean };

/** A select in its labelled field, starting with the field's value (as typed, after a refusal). */
function inField({ meta, ...place }: FieldPlace, control: (a: ComponentProps<"select">) => ReactNode) {
  return (
    <Field meta={meta} {...place}>
      {(a) => control({ ...a, defaultValue: textOf(meta) })}
    </Field>
  );
}

/** The organisation field of a form (a visit's host, an organisation's parent). */
export function OrganizationField({ field, ...select }: { field: FieldPlace } & OrganizationSelectProps) {
  return inField(field, (a) => <OrganizationSelect {...a} {...select} />);
}

/** The country field of a form. */
export function CountryField({ field, ...select }: { field: FieldPlace } & CountrySelectProps) {
  return inField(field, (a) => <CountrySelect {...a} {...select} />);
}

/** The agreement field of a form (what an activity or a visit serves). */
export function AgreementField({ field, ...select }: { field: FieldPlace } & AgreementSelectProps) {
  return inField(field, (a) => <AgreementSelect {...a} {...select} />);
}
