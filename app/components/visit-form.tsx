import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { newVisitSchema, visitEditSchema, visitFieldOrder, type VisitField } from "../forms/visit";
import type { ActionResult, FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { RichTextField } from "../lexical/rich-text-field";
import { visitDirections, visitStages } from "../lib/enums";
import type { ActivityFormOptions } from "../models/activity-queries.server";
import { CommitmentChoices } from "./commitment-choices";
import { DatesFieldset } from "./dates-fieldset";
import { ErrorSummary } from "./form-errors";
import { Field, FormActions, listOf, LocalizedField, textOf } from "./form-field";
import { AgreementField, CountryField, OrganizationField } from "./record-selects";
import { TimeZoneInput, TimeZoneSuggestions } from "./time-zone-field";
import { useRecordForm } from "./use-record-form";

export type VisitFormOptions = Pick<ActivityFormOptions, "countries" | "agreements" | "commitments" | "organizations">;

/**
 * The form of a new visit (the activity's fields a visit needs and the visit's own) or, with
 * `editing`, of a visit's edit page (its stage, talking points and background too). Works without
 * JavaScript; keeps what was typed when refused.
 */
export function VisitForm({
  defaultValue,
  result,
  options,
  editing,
  submitLabel,
  cancelTo,
  notice,
}: {
  defaultValue: FormValues;
  result?: ActionResult;
  options: VisitFormOptions;
  editing: boolean;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<VisitField>({
    id: "visit",
    result,
    defaultValue,
    schema: editing ? visitEditSchema : newVisitSchema,
  });
  const labels: Partial<Record<VisitField, string>> = {
    titleEn: t("visits.form.titleEn"),
    titleId: t("visits.form.titleId"),
    direction: t("visits.form.direction"),
    stage: t("visits.form.stage"),
    startsOn: t("visits.form.startsOn"),
    endsOn: t("visits.form.endsOn"),
    cities: t("visits.form.cities"),
    countryCode: t("visits.form.country"),
    timeZone: t("visits.form.timeZone"),
    hostOrganizationId: t("visits.form.host"),
    agreementId: t("visits.form.agreement"),
    commitmentIds: t("visits.form.commitmentsLegend"),
    objectivesEn: t("visits.form.objectivesEn"),
    objectivesId: t("visits.form.objectivesId"),
    talkingPoints: t("visits.form.talkingPoints"),
    background: t("visits.form.background"),
  };
  const error = (name: VisitField) => fields[name].errors?.[0];
  const version = textOf(fields.version);
  const activityVersion = textOf(fields.activityVersion);
  const chosen = new Set(listOf(fields.commitmentIds));
  const rich = (name: "talkingPoints" | "background") => {
    const lexical = textOf(fields[`${name}Format`]) === "lexical";
    return (
      <RichTextField
        name={name}
        label={t(`visits.form.${name}`)}
        hint={t(`visits.form.${name}Hint`)}
        initialJson={lexical ? textOf(fields[name]) : null}
        initialText={lexical ? textOf(fields[`${name}Text`]) : textOf(fields[name])}
        shown={textOf(fields[`${name}Shown`]) || undefined}
        plainTextHint={t("visits.form.plainTextHint")}
        error={error(name)}
      />
    );
  };

  return (
    <>
      <ErrorSummary
        formId={form.id}
        errors={form.allErrors}
        labels={labels as Record<string, string>}
        order={visitFieldOrder}
        anchors={{ commitmentIds: "commitments-group", talkingPoints: "talkingPoints", background: "background" }}
      />
      {notice}
      <Form method="post" className="form activity-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        {activityVersion ? <input type="hidden" name="activityVersion" value={activityVersion} /> : null}

        <LocalizedField
          name="title"
          fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
          labels={{ en: t("visits.form.titleEn"), id: t("visits.form.titleId"), az: t("visits.form.titleAz") }}
          maxLength={200}
          required
          markOptional={false}
        />

        <div className="activity-form__row">
          <Field meta={fields.direction} label={t("visits.form.direction")}>
            {(a) => (
              <select {...a} defaultValue={textOf(fields.direction) || "incoming"}>
                {visitDirections.map((d) => (
                  <option key={d} value={d}>
                    {t(`visits.directions.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {editing ? (
            <Field meta={fields.stage} label={t("visits.form.stage")}>
              {(a) => (
                <select {...a} defaultValue={textOf(fields.stage) || "planning"}>
                  {visitStages.map((s) => (
                    <option key={s} value={s}>
                      {t(`visits.stages.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>

        <DatesFieldset
          legend={t("visits.form.whenLegend")}
          startsOn={{ meta: fields.startsOn, label: t("visits.form.startsOn") }}
          endsOn={{ meta: fields.endsOn, label: t("visits.form.endsOn"), hint: t("visits.form.endsOnHint") }}
        />

        <fieldset className="activity-form__group">
          <legend>{t("visits.form.placeLegend")}</legend>
          <Field meta={fields.cities} label={t("visits.form.cities")} hint={t("visits.form.citiesHint")}>
            {(a) => <textarea {...a} rows={3} maxLength={1000} defaultValue={textOf(fields.cities)} />}
          </Field>
          <div className="activity-form__row">
            <CountryField
              field={{ meta: fields.countryCode, label: t("visits.form.country") }}
              none={t("visits.form.noCountry")}
              countries={options.countries}
            />
            <Field meta={fields.timeZone} label={t("visits.form.timeZone")} hint={t("visits.form.timeZoneHint")}>
              {(a) => <TimeZoneInput {...a} list="visit-time-zones" required defaultValue={textOf(fields.timeZone)} />}
            </Field>
            <TimeZoneSuggestions id="visit-time-zones" />
          </div>
        </fieldset>

        <OrganizationField
          field={{ meta: fields.hostOrganizationId, label: t("visits.form.host") }}
          none={t("visits.form.noHost")}
          organizations={options.organizations}
        />

        <AgreementField
          field={{ meta: fields.agreementId, label: t("visits.form.agreement") }}
          none={t("visits.form.noAgreement")}
          agreements={options.agreements}
        />

        <CommitmentChoices
          options={options}
          chosen={chosen}
          error={error("commitmentIds")}
          errorId={fields.commitmentIds.errorId}
          words={{
            legend: t("visits.form.commitmentsLegend"),
            hint: t("visits.form.commitmentsHint"),
            none: t("visits.form.none"),
          }}
        />

        <LocalizedField
          name="objectives"
          fields={{ en: fields.objectivesEn, id: fields.objectivesId, az: fields.objectivesAz }}
          labels={{
            en: t("visits.form.objectivesEn"),
            id: t("visits.form.objectivesId"),
            az: t("visits.form.objectivesAz"),
          }}
          maxLength={5000}
          rows={4}
        />

        {editing ? (
          <>
            {rich("talkingPoints")}
            {rich("background")}
          </>
        ) : null}

        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </Form>
    </>
  );
}
