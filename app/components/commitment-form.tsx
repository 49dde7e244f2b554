import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { commitmentStatuses } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { valueOf, type FormErrors, type FormValues } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { EnumField, Field, FormActions, FormAlert, LocalizedField } from "./form-field";

/** A commitment's own fields, for adding one to an agreement or editing it (with its version). */
export function CommitmentForm({
  organizations,
  values,
  errors,
  editing,
  submitLabel,
  cancelTo,
}: {
  organizations: { id: number; name: LocalizedText; acronym: string | null }[];
  values: FormValues;
  errors?: FormErrors;
  editing?: boolean;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Form method="post" className="form form--wide" aria-describedby={errors ? "commitment-form-alert" : undefined}>
      <FormAlert errors={errors} id="commitment-form-alert" />
      {editing ? <input type="hidden" name="version" value={valueOf(values, "version")} /> : null}
      <LocalizedField
        name="text"
        labels={{ en: t("commitments.form.textEn"), id: t("commitments.form.textId") }}
        values={values}
        errors={errors}
        maxLength={2000}
        rows={4}
        required
      />
      <Field
        id="area"
        name="area"
        label={t("commitments.area")}
        hint={t("commitments.form.areaHint")}
        error={errors?.area}
      >
        {(a) => <input {...a} type="text" required maxLength={80} defaultValue={valueOf(values, "area")} />}
      </Field>
      <Field
        id="responsibleOrganizationId"
        name="responsibleOrganizationId"
        label={t("commitments.responsible")}
        error={errors?.responsibleOrganizationId}
        optional
      >
        {(a) => (
          <select {...a} defaultValue={valueOf(values, "responsibleOrganizationId")}>
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
      <Field id="dueOn" name="dueOn" label={t("commitments.dueOn")} error={errors?.dueOn} optional>
        {(a) => <input {...a} type="date" defaultValue={valueOf(values, "dueOn")} />}
      </Field>
      <EnumField
        id="status"
        label={t("commitments.status")}
        hint={t("commitments.form.statusHint")}
        error={errors?.status}
        choices={commitmentStatuses}
        group="commitmentStatus"
        value={valueOf(values, "status")}
      />
      <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  );
}
