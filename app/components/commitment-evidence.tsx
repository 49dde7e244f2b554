import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { useFormatter } from "../lib/use-formatter";
import { SectionAlert, type SectionState } from "./commitment-section";
import { Field, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

interface EvidenceItem {
  id: number;
  url: string | null;
  note: string | null;
  addedAt: Date | string;
  addedBy: string | null;
}

/** What shows the commitment is met: links and notes, with who added them; editors add more. */
export function EvidenceSection({
  evidence,
  canEdit,
  result,
  formKey,
}: { evidence: EvidenceItem[]; canEdit: boolean } & SectionState) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t("commitments.evidence")}</h2>
      {evidence.length ? (
        <ul className="evidence-list">
          {evidence.map((e) => (
            <li key={e.id}>
              {e.url ? (
                <a href={e.url} rel="noopener noreferrer nofollow">
                  {e.url}
                </a>
              ) : null}
              {e.note ? <p className="evidence-note">{e.note}</p> : null}
              <span className="meta">
                {t("commitments.addedBy", {
                  name: e.addedBy ?? t("commitments.formerUser"),
                  when: format.dateTime(e.addedAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("commitments.noEvidence")}</p>
      )}
      {canEdit ? (
        <div className="card">
          <h3 id="evidence-form-title">{t("commitments.addEvidence")}</h3>
          <SectionAlert result={result} />
          {/* Once saved, the form starts empty again. */}
          <EvidenceForm key={formKey} result={result} />
        </div>
      ) : null}
    </section>
  );
}

function EvidenceForm({ result }: { result?: SectionState["result"] }) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<"url" | "note">({ id: "evidence", result });
  return (
    <Form method="post" className="form" aria-labelledby="evidence-form-title" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="evidence" />
      <Field
        meta={fields.url}
        label={t("commitments.form.evidenceUrl")}
        hint={t("commitments.form.evidenceUrlHint")}
        optional
      >
        {(a) => <input {...a} type="url" maxLength={2000} defaultValue={textOf(fields.url)} />}
      </Field>
      <Field meta={fields.note} label={t("commitments.form.evidenceNote")} optional>
        {(a) => <textarea {...a} rows={3} maxLength={2000} defaultValue={textOf(fields.note)} />}
      </Field>
      <div>
        <button type="submit" className="button">
          {t("commitments.addEvidence")}
        </button>
      </div>
    </Form>
  );
}
