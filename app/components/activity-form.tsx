import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "../i18n/translation";
import { Form, Link, useNavigation } from "react-router";
import { activityFieldOrder, activityFormSchema, type ActivityField } from "../forms/activity";
import type { ActionResult, FormValues } from "../forms/result";
import { activityModes, activityStatuses, activityTypes, datePrecisions } from "../lib/enums";
import { RichTextField } from "../lexical/rich-text-field";
import type { FieldMessage } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { ActivityFormOptions } from "../models/activity-queries.server";
import { CheckboxField } from "./checkbox-field";
import { CommitmentChoices } from "./commitment-choices";
import { DatesFieldset } from "./dates-fieldset";
import { FieldError } from "./field-error";
import { ErrorSummary } from "./form-errors";
import { EnumField, Field, listOf, LocalizedField, textOf } from "./form-field";
import { AgreementField, CountryField } from "./record-selects";
import { useRecordForm } from "./use-record-form";

// Where the summary's links lead: a group's fieldset, or the editor.
const anchorFor: Record<string, string> = {
  commitmentIds: "commitments-group",
  organizerIds: "organizers-group",
  participantIds: "participants-group",
  caseIds: "cases-group",
  lessons: "lessons",
};

interface ActivityFormProps {
  /** The fields of the activity (or a new one's defaults), with its version when editing. */
  defaultValue: FormValues;
  /** The server's answer to the last post: what was typed and what was wrong. */
  result?: ActionResult;
  options: ActivityFormOptions;
  timeZone: string;
  submitLabel: string;
  cancelTo: string;
  /** Shown above the fields, e.g. the notice after a conflict. */
  notice?: ReactNode;
}

/** The create/edit form of an activity: works without JavaScript, keeps what was typed on errors. */
export function ActivityForm({
  defaultValue,
  result,
  options,
  timeZone,
  submitLabel,
  cancelTo,
  notice,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigation = useNavigation();
  const [form, fields] = useRecordForm<ActivityField>({
    id: "activity",
    result,
    defaultValue,
    schema: activityFormSchema,
  });
  const labels = {
    titleEn: t("activities.form.titleEn"),
    titleId: t("activities.form.titleId"),
    type: t("activities.form.type"),
    status: t("activities.form.status"),
    mode: t("activities.form.mode"),
    startsOn: t("activities.form.startsOn"),
    startTime: t("activities.form.startTime"),
    endsOn: t("activities.form.endsOn"),
    endTime: t("activities.form.endTime"),
    city: t("activities.form.city"),
    countryCode: t("activities.form.country"),
    agreementId: t("activities.form.agreement"),
    commitmentIds: t("activities.form.commitmentsLegend"),
    organizerIds: t("activities.form.organizersLegend"),
    participantIds: t("activities.form.participantsLegend"),
    caseIds: t("activities.form.casesLegend"),
    descriptionEn: t("activities.form.descriptionEn"),
    descriptionId: t("activities.form.descriptionId"),
    outputsEn: t("activities.form.outputsEn"),
    outputsId: t("activities.form.outputsId"),
    lessons: t("activities.form.lessons"),
  };

  const chosenCommitments = new Set(listOf(fields.commitmentIds));
  const lexical = textOf(fields.lessonsFormat) === "lexical";
  const version = textOf(fields.version);
  const error = (name: ActivityField) => fields[name].errors?.[0];

  return (
    <>
      <ErrorSummary
        formId={form.id}
        errors={form.allErrors}
        labels={labels}
        order={activityFieldOrder}
        anchors={anchorFor}
      />
      {notice}
      <Form method="post" className="form activity-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}

        <LocalizedField
          name="title"
          fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
          labels={{
            en: t("activities.form.titleEn"),
            id: t("activities.form.titleId"),
            az: t("activities.form.titleAz"),
          }}
          maxLength={200}
          required
          markOptional={false}
        />

        <div className="activity-form__row">
          <EnumField
            meta={fields.type}
            label={t("activities.form.type")}
            choices={activityTypes}
            group="activityType"
          />
          <EnumField
            meta={fields.status}
            label={t("activities.form.status")}
            choices={activityStatuses}
            group="activityStatus"
          />
          <EnumField
            meta={fields.mode}
            label={t("activities.form.mode")}
            choices={activityModes}
            group="activityMode"
          />
        </div>

        <DatesFieldset
          legend={t("activities.form.whenLegend")}
          hint={t("activities.form.whenHint", { zone: timeZone })}
          startsOn={{ meta: fields.startsOn, label: t("activities.form.startsOn") }}
          startTime={{ meta: fields.startTime, label: t("activities.form.startTime") }}
          endsOn={{ meta: fields.endsOn, label: t("activities.form.endsOn"), hint: t("activities.form.endsOnHint") }}
          endTime={{ meta: fields.endTime, label: t("activities.form.endTime") }}
        >
          <div className="activity-form__row">
            <Field
              meta={fields.datePrecision}
              label={t("activities.form.precision")}
              hint={t("activities.form.precisionHint")}
            >
              {(a) => (
                <select {...a} defaultValue={textOf(fields.datePrecision) || "day"}>
                  {datePrecisions.map((p) => (
                    <option key={p} value={p}>
                      {t(`activities.form.precisions.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <CheckboxField meta={fields.dateApproximate} label={t("activities.form.approximate")} />
        </DatesFieldset>

        <fieldset className="activity-form__group">
          <legend>{t("activities.form.placeLegend")}</legend>
          <div className="activity-form__row">
            <Field meta={fields.city} label={t("activities.form.city")}>
              {(a) => <input {...a} type="text" maxLength={100} defaultValue={textOf(fields.city)} />}
            </Field>
            <CountryField
              field={{ meta: fields.countryCode, label: t("activities.form.country") }}
              none={t("activities.form.noCountry")}
              countries={options.countries}
            />
          </div>
        </fieldset>

        <AgreementField
          field={{ meta: fields.agreementId, label: t("activities.form.agreement") }}
          none={t("activities.form.noAgreement")}
          agreements={options.agreements}
        />

        <CommitmentChoices
          options={options}
          chosen={chosenCommitments}
          error={error("commitmentIds")}
          errorId={fields.commitmentIds.errorId}
          words={{
            legend: t("activities.form.commitmentsLegend"),
            hint: t("activities.form.commitmentsHint"),
            none: t("activities.form.none"),
          }}
        />

        <CheckboxGroup
          id="organizers-group"
          name="organizerIds"
          errorId={fields.organizerIds.errorId}
          legend={t("activities.form.organizersLegend")}
          error={error("organizerIds")}
          chosen={new Set(listOf(fields.organizerIds))}
          items={options.organizations.map((o) => ({
            id: o.id,
            label: localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
          }))}
        />
        <CheckboxGroup
          id="participants-group"
          name="participantIds"
          errorId={fields.participantIds.errorId}
          legend={t("activities.form.participantsLegend")}
          error={error("participantIds")}
          chosen={new Set(listOf(fields.participantIds))}
          items={options.people.map((p) => ({
            id: p.id,
            label: p.name,
            detail:
              p.acronym ?? (p.organization ? localized(p.organization, lang) : t("activities.form.noOrganization")),
          }))}
        />

        <CheckboxGroup
          id="cases-group"
          name="caseIds"
          errorId={fields.caseIds.errorId}
          legend={t("activities.form.casesLegend")}
          hint={t("activities.form.casesHint")}
          error={error("caseIds")}
          chosen={new Set(listOf(fields.caseIds))}
          items={options.cases.map((c) => ({
            id: c.id,
            label: localized(c.title, lang),
            detail: c.status === "published" ? undefined : t(`caseStatus.${c.status}`),
          }))}
        />

        <LocalizedField
          name="description"
          fields={{ en: fields.descriptionEn, id: fields.descriptionId, az: fields.descriptionAz }}
          labels={{
            en: t("activities.form.descriptionEn"),
            id: t("activities.form.descriptionId"),
            az: t("activities.form.descriptionAz"),
          }}
          maxLength={5000}
          rows={5}
          markOptional={false}
        />
        <LocalizedField
          name="outputs"
          fields={{ en: fields.outputsEn, id: fields.outputsId, az: fields.outputsAz }}
          labels={{
            en: t("activities.form.outputsEn"),
            id: t("activities.form.outputsId"),
            az: t("activities.form.outputsAz"),
          }}
          hint={t("activities.form.outputsHint")}
          maxLength={5000}
          rows={4}
          markOptional={false}
        />

        <RichTextField
          name="lessons"
          label={t("activities.form.lessons")}
          hint={t("activities.form.lessonsHint")}
          initialJson={lexical ? textOf(fields.lessons) : null}
          initialText={lexical ? textOf(fields.lessonsText) : textOf(fields.lessons)}
          shown={textOf(fields.lessonsShown) || undefined}
          plainTextHint={t("activities.form.lessonsPlainTextHint")}
          error={error("lessons")}
        />

        <div className="activity-form__actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}

function CheckboxGroup({
  id,
  name,
  errorId,
  legend,
  hint,
  items,
  chosen,
  error,
}: {
  id: string;
  name: string;
  errorId: string;
  legend: string;
  hint?: string;
  items: { id: number; label: string; detail?: string }[];
  chosen: Set<string>;
  error?: FieldMessage;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      id={id}
      className="activity-form__group"
      aria-describedby={[hint ? `${id}-hint` : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      {items.length ? (
        <ul className="plain activity-form__choices activity-form__choices--columns">
          {items.map((item) => {
            const inputId = `${name}-${item.id}`;
            return (
              <li key={item.id}>
                <input
                  type="checkbox"
                  id={inputId}
                  name={name}
                  value={item.id}
                  defaultChecked={chosen.has(String(item.id))}
                />{" "}
                <label htmlFor={inputId}>
                  {item.label}
                  {item.detail ? <span className="muted"> ({item.detail})</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("activities.form.none")}</p>
      )}
    </fieldset>
  );
}
