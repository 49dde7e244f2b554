import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form, Link, useNavigation } from "react-router";
import { personFieldOrder, personFormSchema, positionColumns, type PersonField } from "../forms/person";
import type { ActionResult, FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { PersonFormOptions } from "../models/people-queries.server";
import { ErrorSummary } from "./form-errors";
import { Field, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

type Column = (typeof positionColumns)[number];
/** Empty rows offered after the filled ones: a browser without JavaScript adds a position by filling one. */
const blankRows = 2;

interface PersonFormProps {
  defaultValue: FormValues;
  result?: ActionResult;
  options: PersonFormOptions;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
}

/** The create/edit form of a person and their positions: works without JavaScript, keeps what was typed on errors. */
export function PersonForm({ defaultValue, result, options, submitLabel, cancelTo, notice }: PersonFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigation = useNavigation();
  const [form, fields] = useRecordForm<PersonField>({ id: "person", result, defaultValue, schema: personFormSchema });
  const label = (field: string) => t(`people.fields.${field}` as "people.fields.name", { defaultValue: field });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;

  // The summary names each wrong cell of a row as "Position 2: From", in the page's order.
  const labels: Record<string, string> = {};
  const order: string[] = [];
  for (const field of personFieldOrder) {
    if (field !== "positions") {
      labels[field] = label(field);
      order.push(field);
      continue;
    }
    for (const name of Object.keys(errors).sort()) {
      const match = /^(\w+)\[(\d+)\]$/.exec(name);
      if (!match || !positionColumns.includes(match[1] as Column)) continue;
      labels[name] = `${t("people.positionRow", { n: Number(match[2]) + 1 })}: ${label(match[1]!)}`;
      order.push(name);
    }
  }
  const anchors = Object.fromEntries(
    order.filter((n) => n.includes("[")).map((n) => [n, `person-${n.replace(/\[(\d+)\]/, "-$1")}`]),
  );

  const organizationChoices = options.organizations.map((o) => ({
    id: String(o.id),
    name: localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
  }));
  const version = textOf(fields.version);

  // A row's cells by position: a reply gives an empty cell back as null, which must keep its place.
  const column = (name: Column): string[] => {
    const v = fields[name].initialValue;
    if (typeof v === "string") return [v];
    return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : [];
  };
  let filled = Math.max(0, ...positionColumns.map((c) => column(c).length));
  while (filled > 0 && positionColumns.every((c) => !column(c)[filled - 1])) filled--;
  const cell = (name: Column, i: number) => column(name)[i] ?? "";
  const cellField = (
    name: Column,
    i: number,
    control: (a: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode,
  ) => (
    <Field id={`person-${name}-${i}`} name={name} label={label(name)} error={errors[`${name}[${i}]`]?.[0]}>
      {control}
    </Field>
  );
  const organizationOptions = (none: string) => (
    <>
      <option value="">{none}</option>
      {organizationChoices.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );

  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} order={order} anchors={anchors} />
      {notice}
      <Form method="post" className="form activity-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}

        <fieldset className="activity-form__group">
          <legend>{t("people.sections.about")}</legend>
          <Field meta={fields.name} label={label("name")}>
            {(a) => <input {...a} type="text" required maxLength={200} defaultValue={textOf(fields.name)} />}
          </Field>
          <Field meta={fields.organizationId} label={label("organizationId")} optional>
            {(a) => (
              <select {...a} defaultValue={textOf(fields.organizationId)}>
                {organizationOptions(t("people.noOrganization"))}
              </select>
            )}
          </Field>
          <Field meta={fields.languages} label={label("languages")} hint={t("people.hints.languages")} optional>
            {(a) => <input {...a} type="text" maxLength={200} defaultValue={textOf(fields.languages)} />}
          </Field>
          <Field meta={fields.userId} label={label("userId")} hint={t("people.hints.userId")} optional>
            {(a) => (
              <select {...a} defaultValue={textOf(fields.userId)}>
                <option value="">{t("people.noUser")}</option>
                {options.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="activity-form__group" aria-describedby="person-contact-hint">
          <legend>{t("people.sections.contact")}</legend>
          <p id="person-contact-hint" className="hint">
            {t("people.hints.contact")}
          </p>
          <div className="activity-form__row">
            <Field meta={fields.email} label={label("email")} optional>
              {(a) => <input {...a} type="email" maxLength={254} defaultValue={textOf(fields.email)} />}
            </Field>
            <Field meta={fields.phone} label={label("phone")} optional>
              {(a) => <input {...a} type="tel" maxLength={50} defaultValue={textOf(fields.phone)} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="activity-form__group" aria-describedby="person-positions-hint">
          <legend>{t("people.sections.positions")}</legend>
          <p id="person-positions-hint" className="hint">
            {t("people.hints.positions")}
          </p>
          {Array.from({ length: filled + blankRows }, (_, i) => (
            <fieldset key={i} className="activity-form__subgroup">
              <legend>{t("people.positionRow", { n: i + 1 })}</legend>
              <div className="activity-form__row">
                {cellField("positionTitleEn", i, (a) => (
                  <input {...a} type="text" lang="en" maxLength={300} defaultValue={cell("positionTitleEn", i)} />
                ))}
                {cellField("positionTitleId", i, (a) => (
                  <input {...a} type="text" lang="id" maxLength={300} defaultValue={cell("positionTitleId", i)} />
                ))}
              </div>
              {cellField("positionOrganizationId", i, (a) => (
                <select {...a} defaultValue={cell("positionOrganizationId", i)}>
                  {organizationOptions(t("people.noOrganization"))}
                </select>
              ))}
              <div className="activity-form__row">
                {cellField("positionStartsOn", i, (a) => (
                  <input {...a} type="date" defaultValue={cell("positionStartsOn", i)} />
                ))}
                {cellField("positionEndsOn", i, (a) => (
                  <input {...a} type="date" defaultValue={cell("positionEndsOn", i)} />
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>

        <div className="activity-form__actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
