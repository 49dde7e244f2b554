import { getFormProps } from "@conform-to/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Form, Link, useNavigation } from "react-router";
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
import { Field } from "./form-field";
import { ErrorSummary } from "./form-errors";
import { useRecordForm } from "./use-record-form";
import "../styles/delegation.css";

/** A row on screen: a key that stays with it, and the row of the starting values it shows (none: new). */
type Row = { key: number; from: number | null };

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
  const navigation = useNavigation();
  const [form, fields] = useRecordForm<MemberColumn | "version">({ id: "delegation", result, defaultValue });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;
  const values: Record<string, unknown> = Object.fromEntries(memberColumns.map((c) => [c, fields[c].initialValue]));
  const version = typeof fields.version.initialValue === "string" ? fields.version.initialValue : "";

  const [rows, setRows] = useState<Row[]>(() =>
    Array.from({ length: Math.max(rowCount(values), 1) }, (_, i) => ({ key: i, from: i })),
  );
  const nextKey = useRef(rows.length);
  const focusKey = useRef<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(
      `[data-row="${focusKey.current}"] select, #delegation-add`,
    );
    focusKey.current = null;
    target?.focus();
  }, [rows]);

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

  const cellField = (c: MemberColumn, row: Row, i: number, control: (a: Attributes) => ReactNode, hint?: string) => (
    <Field id={cellId(c, i)} name={c} label={label(c)} error={errors[`${c}[${i}]`]?.[0]} hint={hint}>
      {(a) => control({ ...a, defaultValue: cell(c, row) })}
    </Field>
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

  const add = (event: React.MouseEvent) => {
    event.preventDefault();
    const key = nextKey.current++;
    focusKey.current = key;
    setRows((current) => [...current, { key, from: null }]);
  };
  const remove = (event: React.MouseEvent, key: number) => {
    event.preventDefault();
    focusKey.current = -1;
    setRows((current) => current.filter((r) => r.key !== key));
  };

  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} anchors={anchors} />
      {notice}
      <Form method="post" className="form activity-form delegation-form" {...getFormProps(form)}>
        {/* Enter in a field saves: the first submit button is the one a browser presses for it. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("delegation.save")}
        </button>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <p id="delegation-rows-hint" className="hint">
          {t("delegation.rowsHint")}
        </p>
        <div ref={listRef} className="delegation-form__rows">
          {rows.length ? null : <p>{t("delegation.none")}</p>}
          {rows.map((row, i) => (
            <fieldset key={row.key} data-row={row.key} className="activity-form__group delegation-form__row">
              <legend>{t("delegation.row", { n: i + 1 })}</legend>
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
                  <select {...a}>
                    <option value="">{t("delegation.noOrganization")}</option>
                    {options.organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {localized(o.name, lang)}
                        {o.acronym ? ` (${o.acronym})` : ""}
                      </option>
                    ))}
                  </select>
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
              <p className="delegation-form__remove">
                <button
                  type="submit"
                  name="intent"
                  value={`${removeRowIntent}${i}`}
                  className="button button--secondary"
                  onClick={(event) => remove(event, row.key)}
                >
                  {t("delegation.removeRow", { n: i + 1 })}
                </button>
              </p>
            </fieldset>
          ))}
          <p>
            <button
              id="delegation-add"
              type="submit"
              name="intent"
              value={addRowIntent}
              className="button button--secondary"
              onClick={add}
            >
              {t("delegation.addRow")}
            </button>
          </p>
        </div>
        <div className="activity-form__actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button"
            disabled={navigation.state === "submitting"}
          >
            {t("delegation.save")}
          </button>
          <Link to={cancelTo} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}

/** A cell's control attributes: its id, name, description and starting value. */
type Attributes = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  defaultValue: string;
};
