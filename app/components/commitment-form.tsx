import { getFormProps } from "@conform-to/react";
import type { z } from "zod";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { editCommitmentForm, newCommitmentForm } from "../forms/commitment";
import type { ActionResult, FormValues } from "../forms/result";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { ErrorSummary } from "./form-errors";
import { Field, FormActions, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

type CommitmentField = keyof z.input<typeof editCommitmentForm>;

/** A commitment's own fields, for adding one to an agreement or editing it (with its version). */
export function CommitmentForm({
  organizations,
  defaultValue,
  result,
  editing,
  submitLabel,
  cancelTo,
}: {
  organizations: { id: number; name: LocalizedText; acronym: string | null }[];
  defaultValue: FormValues;
  result?: ActionResult;
  editing?: boolean;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<CommitmentField>({
    id: "commitment",
    result,
    defaultValue,
    schema: editing ? editCommitmentForm : newCommitmentForm,
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      {editing ? <input type="hidden" name="version" value={textOf(fields.version)} /> : null}
      <LocalizedField
        name="text"
        fields={{ en: fields.textEn, id: fields.textId, az: fields.textAz }}
        labels={{
          en: t("commitments.form.textEn"),
          id: t("commitments.form.textId"),
          az: t("commitments.form.textAz"),
        }}
        maxLength={2000}
        rows={4}
        required
      />
      <Field meta={fields.area} label={t("commitments.area")} hint={t("commitments.form.areaHint")}>
        {(a) => <input {...a} type="text" required maxLength={80} defaultValue={textOf(fields.area)} />}
      </Field>
      <Field meta={fields.responsibleOrganizationId} label={t("commitments.responsible")} optional>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.responsibleOrganizationId)}>
            <option value="">{t("commitments.form.noOrganization")}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {localized(o.name, lang)}
                {o.acronym ? ` (${o.acronym})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.dueOn} label={t("commitments.dueOn")} optional>
        {(a) => <input {...a} type="date" defaultValue={textOf(fields.dueOn)} />}
      </Field>
      <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  );
}
