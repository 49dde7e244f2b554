import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { type CommitmentActionResult, SectionAlert } from "./commitment-section";
import { ActionForm } from "./form-action";
import { Field, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

interface MilestoneItem {
  id: number;
  title: LocalizedText;
  dueOn: string | null;
  completedOn: string | null;
}

/** The steps towards a commitment, each marked done on the day; editors add steps. */
export function MilestonesSection({
  milestones,
  canEdit,
  doneResult,
  addResult,
  formKey,
}: {
  milestones: MilestoneItem[];
  canEdit: boolean;
  /** A refused "mark done". */
  doneResult?: CommitmentActionResult;
  /** A refused new milestone: its form opens again with what was typed. */
  addResult?: CommitmentActionResult;
  formKey: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t("commitments.milestones")}</h2>
      <SectionAlert result={doneResult} />
      {milestones.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("commitments.milestone")}</th>
              <th scope="col">{t("commitments.dueOn")}</th>
              <th scope="col">{t("commitments.completedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}>
                <th scope="row">{localized(m.title, lang)}</th>
                <td>{m.dueOn ? format.day(m.dueOn) : <span className="muted">{t("commitments.notSet")}</span>}</td>
                <td>
                  {m.completedOn ? (
                    format.day(m.completedOn)
                  ) : canEdit ? (
                    <ActionForm
                      id={`milestone-done-${m.id}`}
                      result={doneResult?.reply.initialValue?.milestoneId === String(m.id) ? doneResult : undefined}
                      values={{ intent: "milestone-done", milestoneId: m.id }}
                    >
                      <button type="submit" className="button button--quiet">
                        {t("commitments.markDone")}
                        <span className="visually-hidden">: {localized(m.title, lang)}</span>
                      </button>
                    </ActionForm>
                  ) : (
                    <span className="muted">{t("commitments.notDone")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("commitments.noMilestones")}</p>
      )}
      {canEdit ? (
        <details className="add-form" open={addResult ? true : undefined}>
          <summary>{t("commitments.addMilestone")}</summary>
          <SectionAlert result={addResult} />
          {/* Once saved, the form starts empty again. */}
          <MilestoneForm key={formKey} result={addResult} />
        </details>
      ) : null}
    </section>
  );
}

function MilestoneForm({ result }: { result?: CommitmentActionResult }) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<"titleEn" | "titleId" | "titleAz" | "dueOn">({ id: "milestone", result });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="milestone" />
      <LocalizedField
        name="title"
        fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
        labels={{
          en: t("commitments.form.milestoneEn"),
          id: t("commitments.form.milestoneId"),
          az: t("commitments.form.milestoneAz"),
        }}
        maxLength={300}
        required
      />
      <Field meta={fields.dueOn} label={t("commitments.dueOn")} optional>
        {(a) => <input {...a} type="date" defaultValue={textOf(fields.dueOn)} />}
      </Field>
      <div>
        <button type="submit" className="button">
          {t("commitments.addMilestone")}
        </button>
      </div>
    </Form>
  );
}
