import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { commitmentStatuses } from "../lib/enums";
import { SectionAlert, type SectionState } from "./commitment-section";
import { EnumField, Field, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

export interface AssessSourceChoice {
  id: number;
  publisher: string;
  title: string;
}

type AssessField = "status" | "assessedOn" | "evidenceEn" | "evidenceId" | "evidenceAz" | "sourceId" | "assessor";

/**
 * Rates the commitment, from the version the editor sees: the only way its status changes. After a
 * refused assessment the form shows what was typed, with the messages.
 */
export function AssessForm({
  status,
  version,
  today,
  sources,
  result,
  formKey,
}: { status: string; version: number; today: string; sources: AssessSourceChoice[] } & SectionState) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h3 id="assess-title">{t("commitments.assessment.formTitle")}</h3>
      <p className="hint">{t("commitments.assessment.formHint")}</p>
      <SectionAlert result={result} />
      {/* A recorded assessment starts the form afresh from the new status and version. */}
      <AssessFields key={formKey} status={status} version={version} today={today} sources={sources} result={result} />
    </div>
  );
}

function AssessFields({
  status,
  version,
  today,
  sources,
  result,
}: {
  status: string;
  version: number;
  today: string;
  sources: AssessSourceChoice[];
  result?: SectionState["result"];
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<AssessField>({
    id: "assess",
    result,
    defaultValue: { status, assessedOn: today },
  });
  return (
    <Form method="post" className="form" aria-labelledby="assess-title" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="assess" />
      {/* The version shown now: after a refused stale change, the one the alert describes. */}
      <input type="hidden" name="version" value={version} />
      <EnumField
        meta={fields.status}
        label={t("commitments.assessment.status")}
        choices={commitmentStatuses}
        group="commitmentStatus"
        value={textOf(fields.status) || status}
      />
      <Field
        meta={fields.assessedOn}
        label={t("commitments.assessment.assessedOn")}
        hint={t("commitments.assessment.assessedOnHint")}
      >
        {(a) => <input {...a} type="date" required max={today} defaultValue={textOf(fields.assessedOn) || today} />}
      </Field>
      <LocalizedField
        name="evidence"
        fields={{ en: fields.evidenceEn, id: fields.evidenceId, az: fields.evidenceAz }}
        labels={{
          en: t("commitments.assessment.evidenceEn"),
          id: t("commitments.assessment.evidenceId"),
          az: t("commitments.assessment.evidenceAz"),
        }}
        hint={t("commitments.assessment.evidenceEnHint")}
        maxLength={4000}
        rows={4}
        required
      />
      <Field
        meta={fields.sourceId}
        label={t("commitments.assessment.source")}
        hint={t("commitments.assessment.sourceHint")}
        optional
      >
        {(a) => (
          <select {...a} defaultValue={textOf(fields.sourceId)}>
            <option value="">{t("commitments.assessment.noSource")}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.publisher}: {s.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        meta={fields.assessor}
        label={t("commitments.assessment.assessor")}
        hint={t("commitments.assessment.assessorHint")}
        optional
      >
        {(a) => <input {...a} type="text" maxLength={200} defaultValue={textOf(fields.assessor)} />}
      </Field>
      <div>
        <button type="submit" className="button">
          {t("commitments.assessment.submit")}
        </button>
      </div>
    </Form>
  );
}
