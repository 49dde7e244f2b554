import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { organizationFields, organizationFormSchema, type OrganizationField } from "../forms/organization";
import type { ActionResult, FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { organizationKinds } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { OrganizationFormOptions } from "../models/organization-queries.server";
import { ErrorSummary } from "./form-errors";
import { Field, FormActions, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

/** The create/edit form of an organisation; `selfId` (editing) keeps it from being its own parent. */
export function OrganizationForm({
  defaultValue,
  result,
  options,
  selfId,
  submitLabel,
  cancelTo,
  notice,
}: {
  defaultValue: FormValues;
  result?: ActionResult;
  options: OrganizationFormOptions;
  selfId?: number;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<OrganizationField>({
    id: "organization",
    result,
    defaultValue,
    schema: organizationFormSchema,
  });
  const label = (field: string) => t(`organizations.fields.${field}` as "organizations.fields.nameEn");
  const labels = Object.fromEntries(organizationFields.map((f) => [f, label(f)]));
  const version = textOf(fields.version);
  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} />
      {notice}
      <Form method="post" className="form form--wide" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <LocalizedField
          name="name"
          fields={{ en: fields.nameEn, id: fields.nameId }}
          labels={{ en: label("nameEn"), id: label("nameId") }}
          maxLength={300}
          required
        />
        <Field meta={fields.acronym} label={label("acronym")} optional>
          {(a) => <input {...a} type="text" maxLength={40} defaultValue={textOf(fields.acronym)} />}
        </Field>
        <Field meta={fields.kind} label={label("kind")}>
          {(a) => (
            <select {...a} defaultValue={textOf(fields.kind) || "ministry"}>
              {organizationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`organizations.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.countryCode} label={label("countryCode")} optional>
          {(a) => (
            <select {...a} defaultValue={textOf(fields.countryCode)}>
              <option value="">{t("organizations.noCountry")}</option>
              {options.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {localized(c.name, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.parentId} label={label("parentId")} hint={t("organizations.hints.parentId")} optional>
          {(a) => (
            <select {...a} defaultValue={textOf(fields.parentId)}>
              <option value="">{t("organizations.noParent")}</option>
              {options.organizations
                .filter((o) => o.id !== selfId)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {localized(o.name, lang)}
                    {o.acronym ? ` (${o.acronym})` : ""}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field meta={fields.website} label={label("website")} hint={t("organizations.hints.website")} optional>
          {(a) => <input {...a} type="url" maxLength={500} defaultValue={textOf(fields.website)} />}
        </Field>
        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </Form>
    </>
  );
}
