import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { editFollowUpForm, newFollowUpForm } from "../forms/follow-up";
import type { ActionResult, FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { followUpStatuses } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { FieldError } from "./field-error";
import { ErrorSummary } from "./form-errors";
import { Field, FormActions, listOf, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

type FollowUpField = keyof z.input<typeof editFollowUpForm>;

export interface FollowUpFormOptions {
  owners: { id: number; name: string; email: string }[];
  commitments: { id: number; text: LocalizedText }[];
}

/**
 * One follow-up's fields: a new one (`followUpId` absent) or an edit, whose id and version travel
 * with the form. Works as a plain POST; with JavaScript the schema checks it before sending.
 */
export function FollowUpForm({
  options,
  defaultValue,
  result,
  cancelTo,
  notice,
}: {
  options: FollowUpFormOptions;
  defaultValue?: FormValues;
  result?: ActionResult;
  /** Shown with an edit: the way back to the list without saving. */
  cancelTo?: string;
  notice?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const editing = !!(defaultValue?.followUpId ?? result?.reply.initialValue?.followUpId);
  const [form, fields] = useRecordForm<FollowUpField>({
    id: editing ? "follow-up-edit" : "follow-up-new",
    result,
    defaultValue: { status: "open", ...defaultValue },
    schema: editing ? editFollowUpForm : newFollowUpForm,
  });
  const chosen = new Set(listOf(fields.commitmentIds));
  const commitmentsError = fields.commitmentIds.errors?.[0];
  return (
    <Form method="post" className="form follow-ups__form" {...getFormProps(form)}>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      {notice}
      <input type="hidden" name="intent" value={editing ? "update" : "create"} />
      {editing ? (
        <>
          <input type="hidden" name="followUpId" value={textOf(fields.followUpId)} />
          <input type="hidden" name="version" value={textOf(fields.version)} />
        </>
      ) : null}
      <LocalizedField
        name="title"
        fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
        labels={{ en: t("followUps.form.titleEn"), id: t("followUps.form.titleId"), az: t("followUps.form.titleAz") }}
        maxLength={300}
        required
      />
      <Field meta={fields.ownerId} label={t("followUps.form.owner")} hint={t("followUps.form.ownerHint")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.ownerId)} required>
            <option value="">{t("followUps.form.chooseOwner")}</option>
            {options.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.dueOn} label={t("followUps.form.dueOn")}>
        {(a) => <input {...a} type="date" required defaultValue={textOf(fields.dueOn)} />}
      </Field>
      <Field meta={fields.status} label={t("followUps.form.status")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.status) || "open"}>
            {followUpStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`followUps.statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset
        id={`${form.id}-commitments`}
        aria-describedby={[`${form.id}-commitments-hint`, commitmentsError ? fields.commitmentIds.errorId : null]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{t("followUps.form.commitmentsLegend")}</legend>
        <p id={`${form.id}-commitments-hint`} className="hint">
          {t("followUps.form.commitmentsHint")}
        </p>
        <FieldError id={fields.commitmentIds.errorId} error={commitmentsError} />
        {options.commitments.length ? (
          <ul className="plain">
            {options.commitments.map((c) => (
              <li key={c.id}>
                <input
                  type="checkbox"
                  id={`${form.id}-commitment-${c.id}`}
                  name="commitmentIds"
                  value={c.id}
                  defaultChecked={chosen.has(String(c.id))}
                />{" "}
                <label htmlFor={`${form.id}-commitment-${c.id}`}>{localized(c.text, lang)}</label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("followUps.form.noAgreementCommitments")}</p>
        )}
      </fieldset>
      {editing && cancelTo ? (
        <FormActions submitLabel={t("followUps.form.save")} cancelTo={cancelTo} />
      ) : (
        <div>
          <button type="submit" className="button">
            {t("followUps.form.add")}
          </button>
        </div>
      )}
    </Form>
  );
}
