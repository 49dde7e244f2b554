import { getFormProps } from "@conform-to/react";
import type { z } from "zod";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { editAgreementForm, newAgreementForm } from "../forms/agreement";
import type { ActionResult, FormValues } from "../forms/result";
import { agreementKinds, agreementStatuses } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { CheckboxField } from "./checkbox-field";
import { FieldError } from "./field-error";
import { ErrorSummary } from "./form-errors";
import { EnumField, Field, FormActions, listOf, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

type AgreementField = keyof z.input<typeof newAgreementForm> | "version";

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
  defaultValue,
  result,
  selfId,
  submitLabel,
  cancelTo,
}: {
  options: AgreementFormOptions;
  defaultValue: FormValues;
  result?: ActionResult;
  /** Set when editing: the agreement cannot continue itself, and its partnership stays. */
  selfId?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<AgreementField>({
    id: "agreement",
    result,
    defaultValue,
    schema: selfId ? editAgreementForm : newAgreementForm,
  });
  const signatories = new Set(listOf(fields.signatoryIds));
  const partnershipId = textOf(fields.partnershipId) || String(options.partnerships[0]?.id ?? "");
  const partnership = options.partnerships.find((p) => String(p.id) === partnershipId);
  const parents = options.agreements.filter((a) => a.id !== selfId);
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      {selfId ? (
        <>
          <input type="hidden" name="version" value={textOf(fields.version)} />
          <p>
            <strong>{t("agreements.form.partnership")}:</strong> {localized(partnership?.name, lang)}
          </p>
        </>
      ) : (
        <Field meta={fields.partnershipId} label={t("agreements.form.partnership")}>
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
      <EnumField meta={fields.kind} label={t("agreements.kind")} choices={agreementKinds} group="agreementKind" />
      <LocalizedField
        name="title"
        fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
        labels={{
          en: t("agreements.form.titleEn"),
          id: t("agreements.form.titleId"),
          az: t("agreements.form.titleAz"),
        }}
        maxLength={300}
        required
      />
      <LocalizedField
        name="summary"
        fields={{ en: fields.summaryEn, id: fields.summaryId, az: fields.summaryAz }}
        labels={{
          en: t("agreements.form.summaryEn"),
          id: t("agreements.form.summaryId"),
          az: t("agreements.form.summaryAz"),
        }}
        maxLength={5000}
        rows={5}
        required
      />
      <div className="form-row">
        <Field meta={fields.signedOn} label={t("agreements.signedOn")} optional>
          {(a) => <input {...a} type="date" defaultValue={textOf(fields.signedOn)} />}
        </Field>
        <Field meta={fields.signedCity} label={t("agreements.form.signedCity")} optional>
          {(a) => <input {...a} type="text" maxLength={120} defaultValue={textOf(fields.signedCity)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field meta={fields.inForceFrom} label={t("agreements.form.inForceFrom")} optional>
          {(a) => <input {...a} type="date" defaultValue={textOf(fields.inForceFrom)} />}
        </Field>
        <Field meta={fields.inForceUntil} label={t("agreements.form.inForceUntil")} optional>
          {(a) => <input {...a} type="date" defaultValue={textOf(fields.inForceUntil)} />}
        </Field>
      </div>
      <CheckboxField meta={fields.inForceUntilInferred} label={t("agreements.form.inForceUntilInferred")} />
      <EnumField
        meta={fields.status}
        label={t("agreements.form.status")}
        hint={t("agreements.form.statusHint")}
        choices={agreementStatuses}
        group="agreementStatus"
      />
      <Field meta={fields.parentId} label={t("agreements.form.parent")} hint={t("agreements.form.parentHint")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.parentId)}>
            <option value="">{t("agreements.form.noParent")}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {localized(p.title, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset
        className="checkbox-group"
        aria-describedby={fields.signatoryIds.errors ? fields.signatoryIds.errorId : undefined}
      >
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
        <FieldError id={fields.signatoryIds.errorId} error={fields.signatoryIds.errors?.[0]} />
      </fieldset>
      <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  );
}
