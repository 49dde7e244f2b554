import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { organizationFields, organizationFormSchema, type OrganizationField as FieldName } from "../forms/organization";
import type { ActionResult, FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { organizationKinds } from "../lib/enums";
import type { OrganizationFormOptions } from "../models/organization-queries.server";
import { ErrorSummary } from "./form-errors";
import { Field, FormActions, LocalizedField, textOf } from "./form-field";
import { CountryField, OrganizationField } from "./record-selects";
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
  const [form, fields] = useRecordForm<FieldName>({
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
          fields={{ en: fields.nameEn, id: fields.nameId, az: fields.nameAz }}
          labels={{ en: label("nameEn"), id: label("nameId"), az: label("nameAz") }}
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
        <CountryField
          field={{ meta: fields.countryCode, label: label("countryCode"), optional: true }}
          none={t("organizations.noCountry")}
          countries={options.countries}
        />
        <OrganizationField
          field={{
            meta: fields.parentId,
            label: label("parentId"),
            hint: t("organizations.hints.parentId"),
            optional: true,
          }}
          none={t("organizations.noParent")}
          organizations={options.organizations}
          exclude={selfId}
        />
        <Field meta={fields.website} label={label("website")} hint={t("organizations.hints.website")} optional>
          {(a) => <input {...a} type="url" maxLength={500} defaultValue={textOf(fields.website)} />}
        </Field>
        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </Form>
    </>
  );
}
