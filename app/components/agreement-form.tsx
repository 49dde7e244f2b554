import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { agreementKinds, agreementStatuses } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { listOf, valueOf, type FormErrors, type FormValues } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { FieldError } from "./field-error";
import { EnumField, Field, FormActions, FormAlert, LocalizedField } from "./form-field";

export interface AgreementFormOptions {
  partnerships: { id: number; name: LocalizedText }[];
  agreements: { id: number; title: LocalizedText; partnershipId: number }[];
  people: { id: number; name: string; acronym: string | null; organization: LocalizedText | null }[];
}

/**
 * The agreement's fields, for a new agreement (the partnership is chosen) or an edit (it is fixed,
 * and the version the editor started from travels with the form).
 */
export function AgreementForm({
  options,
  values,
  errors,
  selfId,
  submitLabel,
  cancelTo,
}: {
  options: AgreementFormOptions;
  values: FormValues;
  errors?: FormErrors;
  /** Set when editing: the agreement cannot continue itself, and its partnership stays. */
  selfId?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const signatories = new Set(listOf(values, "signatoryIds"));
  const partnershipId = valueOf(values, "partnershipId") || String(options.partnerships[0]?.id ?? "");
  const partnership = options.partnerships.find((p) => String(p.id) === partnershipId);
  const parents = options.agreements.filter((a) => a.id !== selfId);
  return (
    <Form method="post" className="form form--wide" aria-describedby={errors ? "agreement-form-alert" : undefined}>
      <FormAlert errors={errors} id="agreement-form-alert" />
      {selfId ? (
        <>
          <input type="hidden" name="version" value={valueOf(values, "version")} />
          <p>
            <strong>{t("agreements.form.partnership")}:</strong> {localized(partnership?.name, lang)}
          </p>
        </>
      ) : (
        <Field
          id="partnershipId"
          name="partnershipId"
          label={t("agreements.form.partnership")}
          error={errors?.partnershipId}
        >
          {(a) => (
            <select {...a} defaultValue={partnershipId}>
              {options.partnerships.map((p) => (
                <option key={p.id} value={p.id}>
                  {localized(p.name, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <EnumField
        id="kind"
        label={t("agreements.kind")}
        error={errors?.kind}
        choices={agreementKinds}
        group="agreementKind"
        value={valueOf(values, "kind")}
      />
      <LocalizedField
        name="title"
        labels={{ en: t("agreements.form.titleEn"), id: t("agreements.form.titleId") }}
        values={values}
        errors={errors}
        maxLength={300}
        required
      />
      <LocalizedField
        name="summary"
        labels={{ en: t("agreements.form.summaryEn"), id: t("agreements.form.summaryId") }}
        values={values}
        errors={errors}
        maxLength={5000}
        rows={5}
        required
      />
      <div className="form-row">
        <Field id="signedOn" name="signedOn" label={t("agreements.signedOn")} error={errors?.signedOn} optional>
          {(a) => <input {...a} type="date" defaultValue={valueOf(values, "signedOn")} />}
        </Field>
        <Field
          id="signedCity"
          name="signedCity"
          label={t("agreements.form.signedCity")}
          error={errors?.signedCity}
          optional
        >
          {(a) => <input {...a} type="text" maxLength={120} defaultValue={valueOf(values, "signedCity")} />}
        </Field>
      </div>
      <div className="form-row">
        <Field
          id="inForceFrom"
          name="inForceFrom"
          label={t("agreements.form.inForceFrom")}
          error={errors?.inForceFrom}
          optional
        >
          {(a) => <input {...a} type="date" defaultValue={valueOf(values, "inForceFrom")} />}
        </Field>
        <Field
          id="inForceUntil"
          name="inForceUntil"
          label={t("agreements.form.inForceUntil")}
          error={errors?.inForceUntil}
          optional
        >
          {(a) => <input {...a} type="date" defaultValue={valueOf(values, "inForceUntil")} />}
        </Field>
      </div>
      <EnumField
        id="status"
        label={t("agreements.form.status")}
        hint={t("agreements.form.statusHint")}
        error={errors?.status}
        choices={agreementStatuses}
        group="agreementStatus"
        value={valueOf(values, "status")}
      />
      <Field
        id="parentId"
        name="parentId"
        label={t("agreements.form.parent")}
        hint={t("agreements.form.parentHint")}
        error={errors?.parentId}
      >
        {(a) => (
          <select {...a} defaultValue={valueOf(values, "parentId")}>
            <option value="">{t("agreements.form.noParent")}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {localized(p.title, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="checkbox-group" aria-describedby={errors?.signatoryIds ? "signatoryIds-error" : undefined}>
        <legend>
          {t("agreements.signatories")} <span className="field__optional">({t("form.optional")})</span>
        </legend>
        {options.people.map((p) => (
          <div key={p.id} className="checkbox">
            <input
              type="checkbox"
              id={`signatory-${p.id}`}
              name="signatoryIds"
              value={p.id}
              defaultChecked={signatories.has(String(p.id))}
            />
            <label htmlFor={`signatory-${p.id}`}>
              {p.name}
              {p.organization ? <span className="muted"> ({p.acronym ?? localized(p.organization, lang)})</span> : null}
            </label>
          </div>
        ))}
        <FieldError id="signatoryIds-error" error={errors?.signatoryIds} />
      </fieldset>
      <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  );
}
