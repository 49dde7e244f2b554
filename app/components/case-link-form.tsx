import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { useTranslation } from "../i18n/translation";
import { editCaseLinkForm, linkDirections, newCaseLinkForm } from "../forms/case-link";
import type { ActionResult, FormValues } from "../forms/result";
import { caseLinkStatuses, type CaseStatus } from "../lib/enums";
import { localized, type LocalizedText } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { ErrorSummary } from "./form-errors";
import { EnumField, Field, FormActions, LocalizedField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

/** The choices of the link form, as the staff page loads them. */
export interface CaseLinkChoices {
  cases: { id: number; title: LocalizedText; status: CaseStatus }[];
  countries: { code: string; name: LocalizedText }[];
  sources: { id: number; publisher: string; title: string; publishedOn: string | null }[];
}

type LinkField =
  | "linkId"
  | "version"
  | "otherCaseId"
  | "direction"
  | "placeEn"
  | "placeId"
  | "placeAz"
  | "countryCode"
  | "latitude"
  | "longitude"
  | "year"
  | "status"
  | "noteEn"
  | "noteId"
  | "noteAz"
  | "sourceId";

/** A source as a select names it: "Publisher, date: title", cut short. */
export function sourceLabel(s: { publisher: string; title: string; publishedOn: string | null }) {
  const label = `${[s.publisher, s.publishedOn].filter(Boolean).join(", ")}: ${s.title}`;
  return label.length > 110 ? `${label.slice(0, 107)}…` : label;
}

/** A new link (intent "add") or a change to one (intent "edit", with the version the editor started from). */
export function CaseLinkForm({
  choices,
  defaultValue,
  result,
  editing,
  cancelTo,
}: {
  choices: CaseLinkChoices;
  defaultValue?: FormValues;
  result?: ActionResult;
  editing: boolean;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const formId = editing ? "case-link-edit" : "case-link-add";
  const [form, fields] = useRecordForm<LinkField>({
    id: formId,
    result,
    defaultValue,
    schema: editing ? editCaseLinkForm : newCaseLinkForm,
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      <input type="hidden" name="intent" value={editing ? "edit" : "add"} />
      {editing ? (
        <>
          <input type="hidden" name="linkId" value={textOf(fields.linkId)} />
          <input type="hidden" name="version" value={textOf(fields.version)} />
        </>
      ) : null}
      <Field meta={fields.direction} label={t("replication.links.direction")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.direction) || linkDirections[0]}>
            {linkDirections.map((d) => (
              <option key={d} value={d}>
                {t(`replication.direction.${d}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.otherCaseId} label={t("replication.links.otherCase")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.otherCaseId)}>
            <option value="">—</option>
            {choices.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.title, lang)}
                {c.status === "published" ? "" : ` (${t("replication.links.draft")})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalizedField
        name="place"
        fields={{ en: fields.placeEn, id: fields.placeId, az: fields.placeAz }}
        labels={{
          en: t("replication.form.placeEn"),
          id: t("replication.form.placeId"),
          az: t("replication.form.placeAz"),
        }}
        hint={t("replication.form.placeHint")}
        maxLength={200}
      />
      <Field meta={fields.countryCode} label={t("replication.form.country")} optional>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.countryCode)}>
            <option value="">{t("replication.form.noCountry")}</option>
            {choices.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {localized(c.name, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="hint" id={`${formId}-coordinates-hint`}>
        {t("replication.form.coordinatesHint")}
      </p>
      <div className="form-row">
        <Field meta={fields.latitude} label={t("replication.form.latitude")} optional>
          {(a) => (
            <input {...a} type="text" inputMode="decimal" maxLength={20} defaultValue={textOf(fields.latitude)} />
          )}
        </Field>
        <Field meta={fields.longitude} label={t("replication.form.longitude")} optional>
          {(a) => (
            <input {...a} type="text" inputMode="decimal" maxLength={20} defaultValue={textOf(fields.longitude)} />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field meta={fields.year} label={t("replication.form.year")} optional>
          {(a) => <input {...a} type="text" inputMode="numeric" maxLength={4} defaultValue={textOf(fields.year)} />}
        </Field>
        <EnumField
          meta={fields.status}
          label={t("replication.status")}
          choices={caseLinkStatuses}
          group="caseLinkStatus"
          value={textOf(fields.status) || "running"}
        />
      </div>
      <LocalizedField
        name="note"
        fields={{ en: fields.noteEn, id: fields.noteId, az: fields.noteAz }}
        labels={{
          en: t("replication.form.noteEn"),
          id: t("replication.form.noteId"),
          az: t("replication.form.noteAz"),
        }}
        maxLength={2000}
        rows={3}
      />
      <Field meta={fields.sourceId} label={t("replication.links.source")} optional>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.sourceId)}>
            <option value="">{t("replication.links.noSource")}</option>
            {choices.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {sourceLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormActions submitLabel={t("replication.links.save")} cancelTo={cancelTo} />
    </Form>
  );
}
