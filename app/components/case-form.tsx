import type { Language } from "../i18n/config";
import type { ReactNode } from "react";
import {
  awardColumns,
  caseFieldOrder,
  caseFormSchema,
  caseRichTexts,
  resultColumns,
  type CaseField,
} from "../forms/case";
import type { ActionResult, FormValues } from "../forms/result";
import { cellsOf } from "../forms/row-cells";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import { RichTextField } from "../lexical/rich-text-field";
import { adminLevels, awardKeys, caseSectors } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { CaseFormOptions } from "../models/case-queries.server";
import { FieldError } from "./field-error";
import { EnumField, Field, FormActions, listOf, LocalizedField, textOf, type FieldMeta } from "./form-field";
import { FormSection, RecordForm, summaryWithRows } from "./record-form";
import { OrganizationField } from "./record-selects";
import { filledRows, RowCell, RowFieldset, type CellAttributes } from "./repeated-rows";
import { useRecordForm } from "./use-record-form";

type Column = (typeof resultColumns)[number] | (typeof awardColumns)[number];
const sdgGoals = Array.from({ length: 17 }, (_, i) => i + 1);
/** Empty rows offered after the filled ones: a browser without JavaScript adds a row by filling one. */
const blankRows = { results: 2, awards: 1 };

interface CaseFormProps {
  defaultValue: FormValues;
  result?: ActionResult;
  options: CaseFormOptions;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
}

/** The create/edit form of a library case: works without JavaScript, keeps what was typed on errors. */
export function CaseForm({ defaultValue, result, options, submitLabel, cancelTo, notice }: CaseFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<CaseField>({ id: "case", result, defaultValue, schema: caseFormSchema });
  const label = (field: string) =>
    t(`caseEditor.fields.${field}` as "caseEditor.fields.titleEn", { defaultValue: field });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;

  // The summary names each wrong cell of a row as "Result 2: Figure", in the page's order.
  const summary = summaryWithRows(caseFieldOrder, label, errors, "case", {
    results: { columns: resultColumns, row: (n) => t("caseEditor.resultRow", { n }) },
    awards: { columns: awardColumns, row: (n) => t("caseEditor.awardRow", { n }) },
  });
  summary.anchors.sdgGoals = "case-sdg-goals";

  const version = textOf(fields.version);
  const goals = new Set(listOf(fields.sdgGoals));

  const column = (name: string) => cellsOf(fields[name as Column].initialValue);
  // The rows up to the last one with anything typed (an award's kind alone is nothing), then empty ones.
  const rowsOf = (columns: readonly Column[], blank: number) =>
    filledRows(column, columns.slice(columns === awardColumns ? 1 : 0)) + blank;
  const cellField = (name: Column, i: number, control: (a: CellAttributes) => ReactNode, hint?: string) => (
    <RowCell
      prefix="case"
      column={name}
      row={i}
      label={label(name)}
      errors={errors}
      value={column(name)[i] ?? ""}
      hint={hint}
    >
      {control}
    </RowCell>
  );
  const textCell = (name: Column, i: number, max: number, inputLang?: Language, hint?: string) =>
    cellField(name, i, (a) => <input {...a} type="text" maxLength={max} lang={inputLang} />, hint);

  const rich = (name: (typeof caseRichTexts)[number]) => {
    const lexical = textOf(fields[`${name}Format`]) === "lexical";
    return (
      <RichTextField
        key={name}
        name={name}
        label={label(name)}
        hint={t("caseEditor.hints.rich")}
        initialJson={lexical ? textOf(fields[name]) : null}
        initialText={lexical ? textOf(fields[`${name}Text`]) : textOf(fields[name])}
        shown={textOf(fields[`${name}Shown`]) || undefined}
        plainTextHint={t("caseEditor.hints.plainText")}
        error={fields[name].errors?.[0]}
      />
    );
  };
  const organizationSelect = (meta: FieldMeta, fieldLabel: string) => (
    <OrganizationField
      field={{ meta, label: fieldLabel }}
      none={t("caseEditor.noOrganization")}
      organizations={options.organizations}
    />
  );

  return (
    <>
      <RecordForm
        form={form}
        summary={summary}
        notice={notice}
        className="form activity-form case-form"
        version={version}
      >
        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.about")}</legend>
          <LocalizedField
            name="title"
            fields={{ en: fields.titleEn, id: fields.titleId, az: fields.titleAz }}
            labels={{ en: label("titleEn"), id: label("titleId"), az: label("titleAz") }}
            maxLength={200}
            required
          />
          <LocalizedField
            name="summary"
            fields={{ en: fields.summaryEn, id: fields.summaryId, az: fields.summaryAz }}
            labels={{ en: label("summaryEn"), id: label("summaryId"), az: label("summaryAz") }}
            maxLength={500}
            required
          />
          <EnumField meta={fields.sector} label={label("sector")} choices={caseSectors} group="caseSector" />
        </fieldset>

        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.where")}</legend>
          <Field meta={fields.countryCode} label={label("countryCode")}>
            {(a) => (
              <select {...a} required defaultValue={textOf(fields.countryCode)}>
                {options.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {localized(c.name, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <LocalizedField
            name="place"
            fields={{ en: fields.placeEn, id: fields.placeId, az: fields.placeAz }}
            labels={{ en: label("placeEn"), id: label("placeId"), az: label("placeAz") }}
            maxLength={200}
          />
          <div className="activity-form__row">
            <Field meta={fields.latitude} label={label("latitude")} hint={t("caseEditor.hints.coordinates")} optional>
              {(a) => (
                <input {...a} type="text" inputMode="decimal" maxLength={20} defaultValue={textOf(fields.latitude)} />
              )}
            </Field>
            <Field meta={fields.longitude} label={label("longitude")} optional>
              {(a) => (
                <input {...a} type="text" inputMode="decimal" maxLength={20} defaultValue={textOf(fields.longitude)} />
              )}
            </Field>
          </div>
          {organizationSelect(fields.organizationId, label("organizationId"))}
          <Field meta={fields.adminLevel} label={label("adminLevel")}>
            {(a) => (
              <select {...a} defaultValue={textOf(fields.adminLevel)}>
                <option value="">{t("caseEditor.noAdminLevel")}</option>
                {adminLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`adminLevel.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="activity-form__row">
            <Field meta={fields.startedYear} label={label("startedYear")} optional>
              {(a) => <input {...a} type="number" min={1900} max={2100} defaultValue={textOf(fields.startedYear)} />}
            </Field>
            <Field
              meta={fields.stoppedYear}
              label={label("stoppedYear")}
              hint={t("caseEditor.hints.stoppedYear")}
              optional
            >
              {(a) => <input {...a} type="number" min={1900} max={2100} defaultValue={textOf(fields.stoppedYear)} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.story")}</legend>
          <LocalizedField
            name="problem"
            fields={{ en: fields.problemEn, id: fields.problemId, az: fields.problemAz }}
            labels={{ en: label("problemEn"), id: label("problemId"), az: label("problemAz") }}
            maxLength={5000}
            rows={4}
          />
          <LocalizedField
            name="solution"
            fields={{ en: fields.solutionEn, id: fields.solutionId, az: fields.solutionAz }}
            labels={{ en: label("solutionEn"), id: label("solutionId"), az: label("solutionAz") }}
            maxLength={5000}
            rows={4}
          />
          <LocalizedField
            name="innovation"
            fields={{ en: fields.innovationEn, id: fields.innovationId, az: fields.innovationAz }}
            labels={{ en: label("innovationEn"), id: label("innovationId"), az: label("innovationAz") }}
            maxLength={5000}
            rows={3}
          />
        </fieldset>

        <FormSection
          hintId="case-results-hint"
          legend={t("caseEditor.sections.results")}
          hint={t("caseEditor.hints.results")}
        >
          {Array.from({ length: rowsOf(resultColumns, blankRows.results) }, (_, i) => (
            <RowFieldset
              key={i}
              legend={t("caseEditor.resultRow", { n: i + 1 })}
              className="activity-form__subgroup case-form__row"
            >
              <div className="activity-form__row">
                {textCell("resultLabelEn", i, 300, "en")}
                {textCell("resultLabelId", i, 300, "id")}
                {textCell("resultLabelAz", i, 300, "az")}
              </div>
              <div className="activity-form__row">
                {textCell("resultValue", i, 100)}
                {textCell("resultUnitEn", i, 100, "en")}
                {textCell("resultUnitId", i, 100, "id")}
                {textCell("resultUnitAz", i, 100, "az")}
              </div>
              <div className="activity-form__row">
                {textCell("resultDate", i, 10, undefined, t("caseEditor.hints.resultDate"))}
                {cellField("resultSource", i, (a) => (
                  <select {...a}>
                    <option value="">{t("caseEditor.noSource")}</option>
                    {options.sources.map((s) => (
                      <option key={s.slug} value={s.slug}>
                        {s.publisher}: {s.title.length > 80 ? `${s.title.slice(0, 80)}…` : s.title}
                      </option>
                    ))}
                  </select>
                ))}
              </div>
            </RowFieldset>
          ))}
        </FormSection>

        <fieldset id="case-sdg-goals" className="activity-form__group">
          <legend>{t("caseEditor.sections.sdg")}</legend>
          <fieldset
            className="activity-form__subgroup"
            aria-describedby={fields.sdgGoals.errors ? fields.sdgGoals.errorId : undefined}
          >
            <legend>{label("sdgGoals")}</legend>
            <FieldError id={fields.sdgGoals.errorId} error={fields.sdgGoals.errors?.[0]} />
            <ul className="plain activity-form__choices case-form__goals">
              {sdgGoals.map((goal) => (
                <li key={goal}>
                  <input
                    type="checkbox"
                    id={`case-sdg-${goal}`}
                    name="sdgGoals"
                    value={goal}
                    defaultChecked={goals.has(String(goal))}
                  />{" "}
                  <label htmlFor={`case-sdg-${goal}`}>{t("caseEditor.sdgGoal", { goal })}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field meta={fields.sdgTargets} label={label("sdgTargets")} hint={t("caseEditor.hints.sdgTargets")} optional>
            {(a) => <input {...a} type="text" maxLength={500} defaultValue={textOf(fields.sdgTargets)} />}
          </Field>
        </fieldset>

        <FormSection
          hintId="case-awards-hint"
          legend={t("caseEditor.sections.awards")}
          hint={t("caseEditor.hints.awards")}
        >
          {Array.from({ length: rowsOf(awardColumns, blankRows.awards) }, (_, i) => (
            <RowFieldset
              key={i}
              legend={t("caseEditor.awardRow", { n: i + 1 })}
              className="activity-form__subgroup case-form__row"
            >
              <div className="activity-form__row">
                {cellField("awardKey", i, (a) => (
                  <select {...a} defaultValue={a.defaultValue || "unpsa"}>
                    {awardKeys.map((k) => (
                      <option key={k} value={k}>
                        {t(`awardKey.${k}`)}
                      </option>
                    ))}
                  </select>
                ))}
                {cellField("awardYear", i, (a) => (
                  <input {...a} type="text" inputMode="numeric" maxLength={4} />
                ))}
              </div>
              <div className="activity-form__row">
                {textCell("awardTitleEn", i, 300, "en")}
                {textCell("awardTitleId", i, 300, "id")}
                {textCell("awardTitleAz", i, 300, "az")}
              </div>
              <div className="activity-form__row">
                {textCell("awardCategoryEn", i, 300, "en")}
                {textCell("awardCategoryId", i, 300, "id")}
                {textCell("awardCategoryAz", i, 300, "az")}
              </div>
            </RowFieldset>
          ))}
        </FormSection>

        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.contact")}</legend>
          {organizationSelect(fields.contactOrganizationId, label("contactOrganizationId"))}
        </fieldset>

        {caseRichTexts.map(rich)}

        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </RecordForm>
    </>
  );
}
