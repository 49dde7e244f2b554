import type { ReactNode } from "react";
import { personFieldOrder, personFormSchema, positionColumns, type PersonField } from "../forms/person";
import type { ActionResult, FormValues } from "../forms/result";
import { cellsOf } from "../forms/row-cells";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import type { PersonFormOptions } from "../models/people-queries.server";
import { Field, FormActions, textOf } from "./form-field";
import { FormSection, RecordForm, summaryWithRows } from "./record-form";
import { OrganizationField, OrganizationSelect } from "./record-selects";
import { filledRows, RowCell, RowFieldset, type CellAttributes } from "./repeated-rows";
import { useRecordForm } from "./use-record-form";

type Column = (typeof positionColumns)[number];
/** Empty rows offered after the filled ones: a browser without JavaScript adds a position by filling one. */
const blankRows = 2;

interface PersonFormProps {
  defaultValue: FormValues;
  result?: ActionResult;
  options: PersonFormOptions;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
}

/** The create/edit form of a person and their positions: works without JavaScript, keeps what was typed on errors. */
export function PersonForm({ defaultValue, result, options, submitLabel, cancelTo, notice }: PersonFormProps) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<PersonField>({ id: "person", result, defaultValue, schema: personFormSchema });
  const label = (field: string) => t(`people.fields.${field}` as "people.fields.name", { defaultValue: field });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;

  // The summary names each wrong cell of a row as "Position 2: From", in the page's order.
  const summary = summaryWithRows(personFieldOrder, label, errors, "person", {
    positions: { columns: positionColumns, row: (n) => t("people.positionRow", { n }) },
  });

  const version = textOf(fields.version);
  const column = (name: string) => cellsOf(fields[name as Column].initialValue);
  const filled = filledRows(column, positionColumns);
  const cellField = (name: Column, i: number, control: (a: CellAttributes) => ReactNode) => (
    <RowCell prefix="person" column={name} row={i} label={label(name)} errors={errors} value={column(name)[i] ?? ""}>
      {control}
    </RowCell>
  );

  return (
    <>
      <RecordForm form={form} summary={summary} notice={notice} className="form activity-form" version={version}>
        <fieldset className="activity-form__group">
          <legend>{t("people.sections.about")}</legend>
          <Field meta={fields.name} label={label("name")}>
            {(a) => <input {...a} type="text" required maxLength={200} defaultValue={textOf(fields.name)} />}
          </Field>
          <OrganizationField
            field={{ meta: fields.organizationId, label: label("organizationId"), optional: true }}
            none={t("people.noOrganization")}
            organizations={options.organizations}
          />
          <Field meta={fields.languages} label={label("languages")} hint={t("people.hints.languages")} optional>
            {(a) => <input {...a} type="text" maxLength={200} defaultValue={textOf(fields.languages)} />}
          </Field>
          <Field meta={fields.userId} label={label("userId")} hint={t("people.hints.userId")} optional>
            {(a) => (
              <select {...a} defaultValue={textOf(fields.userId)}>
                <option value="">{t("people.noUser")}</option>
                {options.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <FormSection
          hintId="person-contact-hint"
          legend={t("people.sections.contact")}
          hint={t("people.hints.contact")}
        >
          <div className="activity-form__row">
            <Field meta={fields.email} label={label("email")} optional>
              {(a) => <input {...a} type="email" maxLength={254} defaultValue={textOf(fields.email)} />}
            </Field>
            <Field meta={fields.phone} label={label("phone")} optional>
              {(a) => <input {...a} type="tel" maxLength={50} defaultValue={textOf(fields.phone)} />}
            </Field>
          </div>
        </FormSection>

        <FormSection
          hintId="person-positions-hint"
          legend={t("people.sections.positions")}
          hint={t("people.hints.positions")}
        >
          {Array.from({ length: filled + blankRows }, (_, i) => (
            <RowFieldset key={i} legend={t("people.positionRow", { n: i + 1 })} className="activity-form__subgroup">
              <div className="activity-form__row">
                {cellField("positionTitleEn", i, (a) => (
                  <input {...a} type="text" lang="en" maxLength={300} />
                ))}
                {cellField("positionTitleId", i, (a) => (
                  <input {...a} type="text" lang="id" maxLength={300} />
                ))}
                {cellField("positionTitleAz", i, (a) => (
                  <input {...a} type="text" lang="az" maxLength={300} />
                ))}
              </div>
              {cellField("positionOrganizationId", i, (a) => (
                <OrganizationSelect {...a} none={t("people.noOrganization")} organizations={options.organizations} />
              ))}
              <div className="activity-form__row">
                {cellField("positionStartsOn", i, (a) => (
                  <input {...a} type="date" />
                ))}
                {cellField("positionEndsOn", i, (a) => (
                  <input {...a} type="date" />
                ))}
              </div>
            </RowFieldset>
          ))}
        </FormSection>

        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </RecordForm>
    </>
  );
}
