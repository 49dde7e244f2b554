import { useRef, type ReactNode } from "react";
import {
  addRowIntent,
  columnOf,
  memberColumns,
  removeRowIntent,
  rowCount,
  type MemberColumn,
} from "../forms/delegation-fields";
import type { ActionResult, FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import { delegationRoles, travelModes, visitSides } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { DelegationFormOptions } from "../models/visit-members-queries.server";
import { ErrorSummary } from "./form-errors";
import { OrganizationSelect } from "./record-selects";
import { RepeatedRowsForm, RowCell, RowFieldset, useRepeatedRows, type CellAttributes } from "./repeated-rows";
import { useRecordForm } from "./use-record-form";
import "../styles/delegation.css";

/** A row on screen: a key that stays with it, and the row of the starting values it shows (none: new). */
type Row = { key: string; from: number | null };

interface DelegationFormProps {
  defaultValue: FormValues;
  result?: ActionResult;
  options: DelegationFormOptions;
  /** The visit's time zone: arrival and departure are typed in its local time. */
  timeZone: string;
  cancelTo: string;
  notice?: ReactNode;
}

/**
 * The delegation's editor: every member a group of fields, saved whole. Rows are added and removed
 * by buttons that post the form without JavaScript (the server answers with a row more or less,
 * nothing saved) and act at once with it. Needs are shown here because only editors reach it.
 */
export function DelegationForm({ defaultValue, result, options, timeZone, cancelTo, notice }: DelegationFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<MemberColumn | "version">({ id: "delegation", result, defaultValue });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;
  const values: Record<string, unknown> = Object.fromEntries(memberColumns.map((c) => [c, fields[c].initialValue]));
  const version = typeof fields.version.initialValue === "string" ? fields.version.initialValue : "";

  const { rows, listRef, add, remove } = useRepeatedRows<Row>(
    () => Array.from({ length: Math.max(rowCount(values), 1) }, (_, i) => ({ key: String(i), from: i })),
    "select",
    "delegation-add",
  );
  const nextKey = useRef(rows.length);

  const label = (c: MemberColumn) => t(`delegation.fields.${c}`);
  const cell = (c: MemberColumn, row: Row) => (row.from === null ? "" : (columnOf(values, c)[row.from] ?? ""));
  const cellId = (c: MemberColumn, i: number) => `delegation-${c}-${i}`;

  // The summary names each wrong cell as "Member 2: Person", in the page's order.
  const labels: Record<string, string> = {};
  const anchors: Record<string, string> = {};
  rows.forEach((_, i) => {
    for (const c of memberColumns) {
      const name = `${c}[${i}]`;
      labels[name] = `${t("delegation.row", { n: i + 1 })}: ${label(c)}`;
      anchors[name] = cellId(c, i);
    }
  });

  const cellField = (
    c: MemberColumn,
    row: Row,
    i: number,
    control: (a: CellAttributes) => ReactNode,
    hint?: string,
  ) => (
    <RowCell prefix="delegation" column={c} row={i} label={label(c)} errors={errors} value={cell(c, row)} hint={hint}>
      {control}
    </RowCell>
  );
  const textCell = (c: MemberColumn, row: Row, i: number, max: number) =>
    cellField(c, row, i, (a) => <input {...a} type="text" maxLength={max} />);
  const modeCell = (c: "arrivalMode" | "departureMode", row: Row, i: number) =>
    cellField(c, row, i, (a) => (
      <select {...a}>
        <option value="">{t("delegation.noMode")}</option>
        {travelModes.map((m) => (
          <option key={m} value={m}>
            {t(`delegation.modes.${m}`)}
          </option>
        ))}
      </select>
    ));
  const timeCell = (c: "arrivalAt" | "departureAt", row: Row, i: number) =>
    cellField(c, row, i, (a) => <input {...a} type="datetime-local" />, t("delegation.zoneHint", { zone: timeZone }));

  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} anchors={anchors} />
      {notice}
      <RepeatedRowsForm
        form={form}
        className="form activity-form delegation-form"
        version={version}
        intro={
          <p id="delegation-rows-hint" className="hint">
            {t("delegation.rowsHint")}
          </p>
        }
        rowsClassName="delegation-form__rows"
        listRef={listRef}
        add={{
          id: "delegation-add",
          intent: addRowIntent,
          label: t("delegation.addRow"),
          onClick: (event) => add(event, { key: String(nextKey.current++), from: null }),
        }}
        saveLabel={t("delegation.save")}
        cancelTo={cancelTo}
      >
        {rows.length ? null : <p>{t("delegation.none")}</p>}
        {rows.map((row, i) => (
          <RowFieldset
            key={row.key}
            rowKey={row.key}
            legend={t("delegation.row", { n: i + 1 })}
            className="activity-form__group delegation-form__row"
            remove={{
              intent: `${removeRowIntent}${i}`,
              label: t("delegation.removeRow", { n: i + 1 }),
              className: "delegation-form__remove",
              onClick: (event) => remove(event, row.key),
            }}
          >
            <div className="activity-form__row">
              {cellField("personId", row, i, (a) => (
                <select {...a}>
                  <option value="">{t("delegation.choosePerson")}</option>
                  {options.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                      {p.acronym || p.organization ? ` (${p.acronym ?? localized(p.organization, lang)})` : ""}
                    </option>
                  ))}
                </select>
              ))}
              {textCell("newName", row, i, 200)}
              {cellField("newOrganizationId", row, i, (a) => (
                <OrganizationSelect
                  {...a}
                  none={t("delegation.noOrganization")}
                  organizations={options.organizations}
                />
              ))}
            </div>
            <div className="activity-form__row">
              {cellField("side", row, i, (a) => (
                <select {...a} defaultValue={a.defaultValue || "delegation"}>
                  {visitSides.map((s) => (
                    <option key={s} value={s}>
                      {t(`delegation.side.${s}`)}
                    </option>
                  ))}
                </select>
              ))}
              {cellField("role", row, i, (a) => (
                <select {...a} defaultValue={a.defaultValue || "member"}>
                  {delegationRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`delegation.roles.${r}`)}
                    </option>
                  ))}
                </select>
              ))}
            </div>
            <fieldset className="activity-form__subgroup">
              <legend>{t("delegation.arrival")}</legend>
              <div className="activity-form__row">
                {modeCell("arrivalMode", row, i)}
                {textCell("arrivalRef", row, i, 100)}
                {timeCell("arrivalAt", row, i)}
              </div>
            </fieldset>
            <fieldset className="activity-form__subgroup">
              <legend>{t("delegation.departure")}</legend>
              <div className="activity-form__row">
                {modeCell("departureMode", row, i)}
                {textCell("departureRef", row, i, 100)}
                {timeCell("departureAt", row, i)}
              </div>
            </fieldset>
            {textCell("hotel", row, i, 300)}
            <fieldset className="activity-form__subgroup">
              <legend>{t("delegation.needs")}</legend>
              <div className="activity-form__row">
                {textCell("interpretationNeeds", row, i, 1000)}
                {textCell("dietaryNeeds", row, i, 1000)}
                {textCell("accessNeeds", row, i, 1000)}
              </div>
            </fieldset>
          </RowFieldset>
        ))}
      </RepeatedRowsForm>
    </>
  );
}
