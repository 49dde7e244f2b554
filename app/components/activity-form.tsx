import type { ReactNode } from "react";
import { useTranslation } from "../i18n/translation";
import { Form, Link, useNavigation } from "react-router";
import { activityModes, activityStatuses, activityTypes } from "../lib/enums";
import { RichTextField } from "../lexical/rich-text-field";
import { listOf, valueOf, type FieldMessage, type FormErrors } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { ActivityFormValues } from "../models/activity-form.server";
import type { ActivityFormOptions } from "../models/activity.server";
import { FieldError } from "./field-error";
import { EnumField, Field, LocalizedField } from "./form-field";

// The order the error summary lists problems in: the order of the fields on the page.
const fieldOrder = [
  "titleEn",
  "titleId",
  "type",
  "status",
  "mode",
  "startsOn",
  "startTime",
  "endsOn",
  "endTime",
  "city",
  "countryCode",
  "agreementId",
  "commitmentIds",
  "organizerIds",
  "participantIds",
  "descriptionEn",
  "descriptionId",
  "outputsEn",
  "outputsId",
  "lessons",
];

// Where the summary's links lead: a group's fieldset, otherwise the input of that name.
const anchorFor: Record<string, string> = {
  commitmentIds: "commitments-group",
  organizerIds: "organizers-group",
  participantIds: "participants-group",
};

// The label of each field in the summary.
const summaryLabel: Record<string, string> = {
  titleEn: "activities.form.titleEn",
  titleId: "activities.form.titleId",
  type: "activities.form.type",
  status: "activities.form.status",
  mode: "activities.form.mode",
  startsOn: "activities.form.startsOn",
  startTime: "activities.form.startTime",
  endsOn: "activities.form.endsOn",
  endTime: "activities.form.endTime",
  city: "activities.form.city",
  countryCode: "activities.form.country",
  agreementId: "activities.form.agreement",
  commitmentIds: "activities.form.commitmentsLegend",
  organizerIds: "activities.form.organizersLegend",
  participantIds: "activities.form.participantsLegend",
  descriptionEn: "activities.form.descriptionEn",
  descriptionId: "activities.form.descriptionId",
  outputsEn: "activities.form.outputsEn",
  outputsId: "activities.form.outputsId",
  lessons: "activities.form.lessons",
};

interface ActivityFormProps {
  values: ActivityFormValues;
  errors?: FormErrors;
  options: ActivityFormOptions;
  timeZone: string;
  /** The version the form was loaded with (absent for a new activity). */
  version?: number;
  submitLabel: string;
  cancelTo: string;
  /** Shown above the fields, e.g. the notice after a conflict. */
  notice?: ReactNode;
}

/** The create/edit form of an activity: works without JavaScript, keeps what was typed on errors. */
export function ActivityForm({
  values,
  errors = {},
  options,
  timeZone,
  version,
  submitLabel,
  cancelTo,
  notice,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigation = useNavigation();
  const value = (name: string) => valueOf(values, name);
  const checked = (name: string) => new Set(listOf(values, name));
  const problems = fieldOrder.filter((f) => errors[f]);
  const formProblem = errors.form;

  const commitmentGroups = options.agreements
    .map((a) => ({ agreement: a, items: options.commitments.filter((c) => c.agreementId === a.id) }))
    .filter((g) => g.items.length);
  const chosenCommitments = checked("commitmentIds");
  const chosenOrganizers = checked("organizerIds");
  const chosenParticipants = checked("participantIds");
  const lexical = value("lessonsFormat") === "lexical";

  return (
    <>
      {problems.length || formProblem ? (
        <div role="alert" className="alert" id="activity-form-errors">
          <p>{formProblem ? t(formProblem.key, formProblem.values) : t("validation.formErrors")}</p>
          {problems.length ? (
            <ul>
              {problems.map((f) => (
                <li key={f}>
                  <a href={`#${anchorFor[f] ?? f}`}>{t(summaryLabel[f]!)}</a>: {t(errors[f]!.key, errors[f]!.values)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {notice}
      <Form method="post" className="form activity-form">
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}

        <LocalizedField
          name="title"
          labels={{ en: t("activities.form.titleEn"), id: t("activities.form.titleId") }}
          values={values}
          errors={errors}
          maxLength={200}
          required
          markOptional={false}
        />

        <div className="activity-form__row">
          <EnumField
            id="type"
            label={t("activities.form.type")}
            choices={activityTypes}
            group="activityType"
            value={value("type")}
            error={errors.type}
          />
          <EnumField
            id="status"
            label={t("activities.form.status")}
            choices={activityStatuses}
            group="activityStatus"
            value={value("status")}
            error={errors.status}
          />
          <EnumField
            id="mode"
            label={t("activities.form.mode")}
            choices={activityModes}
            group="activityMode"
            value={value("mode")}
            error={errors.mode}
          />
        </div>

        <fieldset className="activity-form__group" aria-describedby="when-hint">
          <legend>{t("activities.form.whenLegend")}</legend>
          <p id="when-hint" className="hint">
            {t("activities.form.whenHint", { zone: timeZone })}
          </p>
          <div className="activity-form__row">
            <Field id="startsOn" name="startsOn" label={t("activities.form.startsOn")} error={errors.startsOn}>
              {(a) => <input {...a} type="date" required defaultValue={value("startsOn")} />}
            </Field>
            <Field id="startTime" name="startTime" label={t("activities.form.startTime")} error={errors.startTime}>
              {(a) => <input {...a} type="time" defaultValue={value("startTime")} />}
            </Field>
          </div>
          <div className="activity-form__row">
            <Field
              id="endsOn"
              name="endsOn"
              label={t("activities.form.endsOn")}
              hint={t("activities.form.endsOnHint")}
              error={errors.endsOn}
            >
              {(a) => <input {...a} type="date" defaultValue={value("endsOn")} />}
            </Field>
            <Field id="endTime" name="endTime" label={t("activities.form.endTime")} error={errors.endTime}>
              {(a) => (
                <input
                  {...a}
                  type="time"
                  defaultValue={value("endTime")}
                  // The end-before-start message sits under the end date; it concerns the time too.
                  aria-describedby={
                    [errors.endTime ? "endTime-error" : null, errors.endsOn ? "endsOn-error" : null]
                      .filter(Boolean)
                      .join(" ") || undefined
                  }
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="activity-form__group">
          <legend>{t("activities.form.placeLegend")}</legend>
          <div className="activity-form__row">
            <Field id="city" name="city" label={t("activities.form.city")} error={errors.city}>
              {(a) => <input {...a} type="text" maxLength={100} defaultValue={value("city")} />}
            </Field>
            <Field id="countryCode" name="countryCode" label={t("activities.form.country")} error={errors.countryCode}>
              {(a) => (
                <select {...a} defaultValue={value("countryCode")}>
                  <option value="">{t("activities.form.noCountry")}</option>
                  {options.countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {localized(c.name, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <Field id="agreementId" name="agreementId" label={t("activities.form.agreement")} error={errors.agreementId}>
          {(a) => (
            <select {...a} defaultValue={value("agreementId")}>
              <option value="">{t("activities.form.noAgreement")}</option>
              {options.agreements.map((ag) => (
                <option key={ag.id} value={ag.id}>
                  {localized(ag.title, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset
          id="commitments-group"
          className="activity-form__group"
          aria-describedby={["commitments-hint", errors.commitmentIds ? "commitmentIds-error" : null]
            .filter(Boolean)
            .join(" ")}
        >
          <legend>{t("activities.form.commitmentsLegend")}</legend>
          <p id="commitments-hint" className="hint">
            {t("activities.form.commitmentsHint")}
          </p>
          <FieldError id="commitmentIds-error" error={errors.commitmentIds} />
          {commitmentGroups.length ? null : <p className="muted">{t("activities.form.none")}</p>}
          {commitmentGroups.map(({ agreement, items }) => (
            <fieldset key={agreement.id} className="activity-form__subgroup">
              <legend>{localized(agreement.title, lang)}</legend>
              <ul className="plain activity-form__choices">
                {items.map((c) => (
                  <li key={c.id}>
                    <input
                      type="checkbox"
                      id={`commitment-${c.id}`}
                      name="commitmentIds"
                      value={c.id}
                      defaultChecked={chosenCommitments.has(String(c.id))}
                    />{" "}
                    <label htmlFor={`commitment-${c.id}`}>{localized(c.text, lang)}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </fieldset>

        <CheckboxGroup
          id="organizers-group"
          name="organizerIds"
          legend={t("activities.form.organizersLegend")}
          error={errors.organizerIds}
          chosen={chosenOrganizers}
          items={options.organizations.map((o) => ({
            id: o.id,
            label: localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
          }))}
        />
        <CheckboxGroup
          id="participants-group"
          name="participantIds"
          legend={t("activities.form.participantsLegend")}
          error={errors.participantIds}
          chosen={chosenParticipants}
          items={options.people.map((p) => ({
            id: p.id,
            label: p.name,
            detail:
              p.acronym ?? (p.organization ? localized(p.organization, lang) : t("activities.form.noOrganization")),
          }))}
        />

        <LocalizedField
          name="description"
          labels={{ en: t("activities.form.descriptionEn"), id: t("activities.form.descriptionId") }}
          values={values}
          errors={errors}
          maxLength={5000}
          rows={5}
          markOptional={false}
        />
        <LocalizedField
          name="outputs"
          labels={{ en: t("activities.form.outputsEn"), id: t("activities.form.outputsId") }}
          hint={t("activities.form.outputsHint")}
          values={values}
          errors={errors}
          maxLength={5000}
          rows={4}
          markOptional={false}
        />

        <RichTextField
          name="lessons"
          label={t("activities.form.lessons")}
          hint={t("activities.form.lessonsHint")}
          initialJson={lexical ? value("lessons") : null}
          initialText={lexical ? value("lessonsText") : value("lessons")}
          shown={value("lessonsShown") || undefined}
          plainTextHint={t("activities.form.lessonsPlainTextHint")}
          error={errors.lessons}
        />

        <div className="activity-form__actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("activities.form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}

function CheckboxGroup({
  id,
  name,
  legend,
  items,
  chosen,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  items: { id: number; label: string; detail?: string }[];
  chosen: Set<string>;
  error?: FieldMessage;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={id} className="activity-form__group" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={`${name}-error`} error={error} />
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
