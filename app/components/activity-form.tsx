import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { activityModes, activityStatuses, activityTypes } from "../../db/schema/activities";
import { RichTextField } from "../lexical/rich-text-field";
import type { FieldMessage, FormErrors } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { ActivityFormOptions, ActivityFormValues } from "../models/activity.server";
import { FieldError } from "./field-error";

/** One value of a submitted field ("" when absent). */
export function oneValue(values: ActivityFormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** Every value of a repeated field (checkbox groups). */
export function allValues(values: ActivityFormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

// The order the error summary lists problems in: the order of the fields on the page.
const fieldOrder = [
  "titleEn", "titleId", "type", "status", "mode", "startsOn", "startTime", "endsOn", "endTime",
  "city", "countryCode", "agreementId", "commitmentIds", "organizerIds", "participantIds",
  "descriptionEn", "descriptionId", "outputsEn", "outputsId", "lessons",
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

export interface ActivityFormProps {
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
export function ActivityForm({ values, errors = {}, options, timeZone, version, submitLabel, cancelTo, notice }: ActivityFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigation = useNavigation();
  const value = (name: string) => oneValue(values, name);
  const checked = (name: string) => new Set(allValues(values, name));
  const problems = fieldOrder.filter((f) => errors[f]);
  const formProblem = errors.form;

  // Props that tie an input to its error message, if it has one.
  const described = (name: string, hintId?: string) => {
    const ids = [hintId, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ");
    return {
      id: name,
      name,
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": ids || undefined,
    };
  };

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

        <div className="field">
          <label htmlFor="titleEn">{t("activities.form.titleEn")}</label>
          <input type="text" required maxLength={200} defaultValue={value("titleEn")} lang="en" {...described("titleEn")} />
          <FieldError id="titleEn-error" error={errors.titleEn} />
        </div>
        <div className="field">
          <label htmlFor="titleId">{t("activities.form.titleId")}</label>
          <input type="text" maxLength={200} defaultValue={value("titleId")} lang="id" {...described("titleId")} />
          <FieldError id="titleId-error" error={errors.titleId} />
        </div>

        <div className="activity-form__row">
          <EnumSelect name="type" label={t("activities.form.type")} choices={activityTypes} group="activityType" value={value("type")} error={errors.type} />
          <EnumSelect name="status" label={t("activities.form.status")} choices={activityStatuses} group="activityStatus" value={value("status")} error={errors.status} />
          <EnumSelect name="mode" label={t("activities.form.mode")} choices={activityModes} group="activityMode" value={value("mode")} error={errors.mode} />
        </div>

        <fieldset className="activity-form__group" aria-describedby="when-hint">
          <legend>{t("activities.form.whenLegend")}</legend>
          <p id="when-hint" className="hint">{t("activities.form.whenHint", { zone: timeZone })}</p>
          <div className="activity-form__row">
            <div className="field">
              <label htmlFor="startsOn">{t("activities.form.startsOn")}</label>
              <input type="date" required defaultValue={value("startsOn")} {...described("startsOn")} />
              <FieldError id="startsOn-error" error={errors.startsOn} />
            </div>
            <div className="field">
              <label htmlFor="startTime">{t("activities.form.startTime")}</label>
              <input type="time" defaultValue={value("startTime")} {...described("startTime")} />
              <FieldError id="startTime-error" error={errors.startTime} />
            </div>
          </div>
          <div className="activity-form__row">
            <div className="field">
              <label htmlFor="endsOn">{t("activities.form.endsOn")}</label>
              <input type="date" defaultValue={value("endsOn")} {...described("endsOn", "endsOn-hint")} />
              <p id="endsOn-hint" className="hint">{t("activities.form.endsOnHint")}</p>
              <FieldError id="endsOn-error" error={errors.endsOn} />
            </div>
            <div className="field">
              <label htmlFor="endTime">{t("activities.form.endTime")}</label>
              <input
                type="time"
                defaultValue={value("endTime")}
                {...described("endTime")}
                // The end-before-start message sits under the end date; it concerns the time too.
                aria-describedby={[errors.endTime ? "endTime-error" : null, errors.endsOn ? "endsOn-error" : null].filter(Boolean).join(" ") || undefined}
              />
              <FieldError id="endTime-error" error={errors.endTime} />
            </div>
          </div>
        </fieldset>

        <fieldset className="activity-form__group">
          <legend>{t("activities.form.placeLegend")}</legend>
          <div className="activity-form__row">
            <div className="field">
              <label htmlFor="city">{t("activities.form.city")}</label>
              <input type="text" maxLength={100} defaultValue={value("city")} {...described("city")} />
              <FieldError id="city-error" error={errors.city} />
            </div>
            <div className="field">
              <label htmlFor="countryCode">{t("activities.form.country")}</label>
              <select defaultValue={value("countryCode")} {...described("countryCode")}>
                <option value="">{t("activities.form.noCountry")}</option>
                {options.countries.map((c) => (
                  <option key={c.code} value={c.code}>{localized(c.name, lang)}</option>
                ))}
              </select>
              <FieldError id="countryCode-error" error={errors.countryCode} />
            </div>
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor="agreementId">{t("activities.form.agreement")}</label>
          <select defaultValue={value("agreementId")} {...described("agreementId")}>
            <option value="">{t("activities.form.noAgreement")}</option>
            {options.agreements.map((a) => (
              <option key={a.id} value={a.id}>{localized(a.title, lang)}</option>
            ))}
          </select>
          <FieldError id="agreementId-error" error={errors.agreementId} />
        </div>

        <fieldset
          id="commitments-group"
          className="activity-form__group"
          aria-describedby={["commitments-hint", errors.commitmentIds ? "commitmentIds-error" : null].filter(Boolean).join(" ")}
        >
          <legend>{t("activities.form.commitmentsLegend")}</legend>
          <p id="commitments-hint" className="hint">{t("activities.form.commitmentsHint")}</p>
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
            detail: p.acronym ?? (p.organization ? localized(p.organization, lang) : t("activities.form.noOrganization")),
          }))}
        />

        <div className="field">
          <label htmlFor="descriptionEn">{t("activities.form.descriptionEn")}</label>
          <textarea rows={5} maxLength={5000} lang="en" defaultValue={value("descriptionEn")} {...described("descriptionEn")} />
          <FieldError id="descriptionEn-error" error={errors.descriptionEn} />
        </div>
        <div className="field">
          <label htmlFor="descriptionId">{t("activities.form.descriptionId")}</label>
          <textarea rows={5} maxLength={5000} lang="id" defaultValue={value("descriptionId")} {...described("descriptionId")} />
          <FieldError id="descriptionId-error" error={errors.descriptionId} />
        </div>
        <div className="field">
          <label htmlFor="outputsEn">{t("activities.form.outputsEn")}</label>
          <textarea rows={4} maxLength={5000} lang="en" defaultValue={value("outputsEn")} {...described("outputsEn", "outputs-hint")} />
          <p id="outputs-hint" className="hint">{t("activities.form.outputsHint")}</p>
          <FieldError id="outputsEn-error" error={errors.outputsEn} />
        </div>
        <div className="field">
          <label htmlFor="outputsId">{t("activities.form.outputsId")}</label>
          <textarea rows={4} maxLength={5000} lang="id" defaultValue={value("outputsId")} {...described("outputsId")} />
          <FieldError id="outputsId-error" error={errors.outputsId} />
        </div>

        <RichTextField
          name="lessons"
          label={t("activities.form.lessons")}
          hint={t("activities.form.lessonsHint")}
          initialJson={lexical ? value("lessons") : null}
          initialText={lexical ? value("lessonsText") : value("lessons")}
          error={errors.lessons}
        />

        <div className="activity-form__actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="button button--secondary">{t("activities.form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}

function EnumSelect({
  name,
  label,
  choices,
  group,
  value,
  error,
}: {
  name: string;
  label: string;
  choices: readonly string[];
  group: string;
  value: string;
  error?: FieldMessage;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        defaultValue={value || choices[0]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {choices.map((c) => (
          <option key={c} value={c}>{t(`${group}.${c}`)}</option>
        ))}
      </select>
      <FieldError id={`${name}-error`} error={error} />
    </div>
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
                <input type="checkbox" id={inputId} name={name} value={item.id} defaultChecked={chosen.has(String(item.id))} />{" "}
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
