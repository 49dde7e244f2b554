import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form, Link, useNavigation } from "react-router";
import { awardColumns, caseFieldOrder, caseFormSchema, resultColumns, type CaseField } from "../forms/case";
import type { ActionResult, FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import { RichTextField } from "../lexical/rich-text-field";
import { adminLevels, awardKeys, caseSectors } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { CaseFormOptions } from "../models/case-queries.server";
import { FieldError } from "./field-error";
import { ErrorSummary } from "./form-errors";
import { EnumField, Field, listOf, LocalizedField, textOf, type FieldMeta } from "./form-field";
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
  const navigation = useNavigation();
  const [form, fields] = useRecordForm<CaseField>({ id: "case", result, defaultValue, schema: caseFormSchema });
  const label = (field: string) =>
    t(`caseEditor.fields.${field}` as "caseEditor.fields.titleEn", { defaultValue: field });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;

  // The summary names each wrong cell of a row as "Result 2: Figure", in the page's order.
  const labels: Record<string, string> = {};
  const order: string[] = [];
  for (const field of caseFieldOrder) {
    if (field === "results" || field === "awards") {
      const columns: readonly Column[] = field === "results" ? resultColumns : awardColumns;
      const rowKey = field === "results" ? "caseEditor.resultRow" : "caseEditor.awardRow";
      for (const name of Object.keys(errors).sort()) {
        const match = /^(\w+)\[(\d+)\]$/.exec(name);
        if (!match || !columns.includes(match[1] as Column)) continue;
        labels[name] = `${t(rowKey, { n: Number(match[2]) + 1 })}: ${label(match[1]!)}`;
        order.push(name);
      }
    } else {
      labels[field] = label(field);
      order.push(field);
    }
  }
  const anchors: Record<string, string> = {
    sdgGoals: "case-sdg-goals",
    ...Object.fromEntries(
      order.filter((n) => n.includes("[")).map((n) => [n, `case-${n.replace(/\[(\d+)\]/, "-$1")}`]),
    ),
  };

  const organizationChoices = options.organizations.map((o) => ({
    id: String(o.id),
    name: localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
  }));
  const version = textOf(fields.version);
  const goals = new Set(listOf(fields.sdgGoals));

  // A row's cells by position: a reply gives an empty cell back as null, which must keep its place.
  const column = (name: Column): string[] => {
    const v = fields[name].initialValue;
    if (typeof v === "string") return [v];
    return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : [];
  };
  // The rows up to the last one with anything typed (an award's kind alone is nothing), then empty ones.
  const rowsOf = (columns: readonly Column[], blank: number) => {
    const typed = columns.slice(columns === awardColumns ? 1 : 0);
    let filled = Math.max(0, ...typed.map((c) => column(c).length));
    while (filled > 0 && typed.every((c) => !column(c)[filled - 1])) filled--;
    return filled + blank;
  };
  const cell = (name: Column, i: number) => column(name)[i] ?? "";
  const cellId = (name: Column, i: number) => `case-${name}-${i}`;
  const cellError = (name: Column, i: number) => errors[`${name}[${i}]`]?.[0];
  const cellField = (
    name: Column,
    i: number,
    control: (a: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode,
    hint?: string,
  ) => (
    <Field id={cellId(name, i)} name={name} label={label(name)} error={cellError(name, i)} hint={hint}>
      {control}
    </Field>
  );
  const textCell = (name: Column, i: number, max: number, inputLang?: "en" | "id", hint?: string) =>
    cellField(
      name,
      i,
      (a) => <input {...a} type="text" maxLength={max} lang={inputLang} defaultValue={cell(name, i)} />,
      hint,
    );

  const rich = (name: "lessonsEn" | "lessonsId" | "narrativeEn" | "narrativeId") => {
    const lexical = textOf(fields[`${name}Format`]) === "lexical";
    return (
      <RichTextField
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
    <Field meta={meta} label={fieldLabel}>
      {(a) => (
        <select {...a} defaultValue={textOf(meta)}>
          <option value="">{t("caseEditor.noOrganization")}</option>
          {organizationChoices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} order={order} anchors={anchors} />
      {notice}
      <Form method="post" className="form activity-form case-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version ? <input type="hidden" name="version" value={version} /> : null}

        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.about")}</legend>
          <LocalizedField
            name="title"
            fields={{ en: fields.titleEn, id: fields.titleId }}
            labels={{ en: label("titleEn"), id: label("titleId") }}
            maxLength={200}
            required
          />
          <LocalizedField
            name="summary"
            fields={{ en: fields.summaryEn, id: fields.summaryId }}
            labels={{ en: label("summaryEn"), id: label("summaryId") }}
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
            fields={{ en: fields.placeEn, id: fields.placeId }}
            labels={{ en: label("placeEn"), id: label("placeId") }}
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
            fields={{ en: fields.problemEn, id: fields.problemId }}
            labels={{ en: label("problemEn"), id: label("problemId") }}
            maxLength={5000}
            rows={4}
          />
          <LocalizedField
            name="solution"
            fields={{ en: fields.solutionEn, id: fields.solutionId }}
            labels={{ en: label("solutionEn"), id: label("solutionId") }}
            maxLength={5000}
            rows={4}
          />
          <LocalizedField
            name="innovation"
            fields={{ en: fields.innovationEn, id: fields.innovationId }}
            labels={{ en: label("innovationEn"), id: label("innovationId") }}
            maxLength={5000}
            rows={3}
          />
        </fieldset>

        <fieldset className="activity-form__group" aria-describedby="case-results-hint">
          <legend>{t("caseEditor.sections.results")}</legend>
          <p id="case-results-hint" className="hint">
            {t("caseEditor.hints.results")}
          </p>
          {Array.from({ length: rowsOf(resultColumns, blankRows.results) }, (_, i) => (
            <fieldset key={i} className="activity-form__subgroup case-form__row">
              <legend>{t("caseEditor.resultRow", { n: i + 1 })}</legend>
              <div className="activity-form__row">
                {textCell("resultLabelEn", i, 300, "en")}
                {textCell("resultLabelId", i, 300, "id")}
              </div>
              <div className="activity-form__row">
                {textCell("resultValue", i, 100)}
                {textCell("resultUnitEn", i, 100, "en")}
                {textCell("resultUnitId", i, 100, "id")}
              </div>
              <div className="activity-form__row">
                {textCell("resultDate", i, 10, undefined, t("caseEditor.hints.resultDate"))}
                {cellField("resultSource", i, (a) => (
                  <select {...a} defaultValue={cell("resultSource", i)}>
                    <option value="">{t("caseEditor.noSource")}</option>
                    {options.sources.map((s) => (
                      <option key={s.slug} value={s.slug}>
                        {s.publisher}: {s.title.length > 80 ? `${s.title.slice(0, 80)}…` : s.title}
                      </option>
                    ))}
                  </select>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>

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

        <fieldset className="activity-form__group" aria-describedby="case-awards-hint">
          <legend>{t("caseEditor.sections.awards")}</legend>
          <p id="case-awards-hint" className="hint">
            {t("caseEditor.hints.awards")}
          </p>
          {Array.from({ length: rowsOf(awardColumns, blankRows.awards) }, (_, i) => (
            <fieldset key={i} className="activity-form__subgroup case-form__row">
              <legend>{t("caseEditor.awardRow", { n: i + 1 })}</legend>
              <div className="activity-form__row">
                {cellField("awardKey", i, (a) => (
                  <select {...a} defaultValue={cell("awardKey", i) || "unpsa"}>
                    {awardKeys.map((k) => (
                      <option key={k} value={k}>
                        {t(`awardKey.${k}`)}
                      </option>
                    ))}
                  </select>
                ))}
                {cellField("awardYear", i, (a) => (
                  <input {...a} type="text" inputMode="numeric" maxLength={4} defaultValue={cell("awardYear", i)} />
                ))}
              </div>
              <div className="activity-form__row">
                {textCell("awardTitleEn", i, 300, "en")}
                {textCell("awardTitleId", i, 300, "id")}
              </div>
              <div className="activity-form__row">
                {textCell("awardCategoryEn", i, 300, "en")}
                {textCell("awardCategoryId", i, 300, "id")}
              </div>
            </fieldset>
          ))}
        </fieldset>

        <fieldset className="activity-form__group">
          <legend>{t("caseEditor.sections.contact")}</legend>
          {organizationSelect(fields.contactOrganizationId, label("contactOrganizationId"))}
        </fieldset>

        {rich("lessonsEn")}
        {rich("lessonsId")}
        {rich("narrativeEn")}
        {rich("narrativeId")}

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
