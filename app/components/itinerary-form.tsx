import type { ReactNode } from "react";
import type { ItemColumn } from "../forms/itinerary";
import { cellsOf } from "../forms/row-cells";
import type { ActionResult, FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import type { Language } from "../i18n/config";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { ItineraryFormOptions } from "../models/itinerary-queries.server";
import { FieldError } from "./field-error";
import { ErrorSummary } from "./form-errors";
import type { ConflictRow } from "./record-conflict";
import { OrganizationSelect } from "./record-selects";
import { RepeatedRowsForm, RowCell, RowFieldset, useRepeatedRows, type CellAttributes } from "./repeated-rows";
import { TimeZoneInput, TimeZoneSuggestions } from "./time-zone-field";
import { useRecordForm } from "./use-record-form";
import "../styles/itinerary.css";
import { dateFormat, type DateFormat } from "../lib/date-format";

// The form's names (app/forms/itinerary.ts), written out so no zod reaches the browser with them.
const columns: readonly ItemColumn[] = [
  "itemKey",
  "itemDay",
  "itemStart",
  "itemEnd",
  "itemEndDay",
  "itemZone",
  "itemTitleEn",
  "itemTitleId",
  "itemTitleAz",
  "itemAgendaEn",
  "itemAgendaId",
  "itemAgendaAz",
  "itemPlace",
  "itemAddress",
  "itemHost",
  "itemTransport",
  "itemAttendance",
];
const addItemIntent = "add-item";
const removeItemIntent = "remove-item:";

/** A row on screen: its key (a stored item's id, or a new row's "n3") and the starting row it shows (none: new). */
type Row = { key: string; from: number | null; day: string; zone: string };

/** The editor's choices: the visit's members, organisations and cases, and the zones it suggests. */
export type ItineraryEditOptions = ItineraryFormOptions & { commonZones: string[] };

const dayFormats = new Map<Language, DateFormat>();
const dayName = (lang: Language, date: string) => {
  let format = dayFormats.get(lang);
  if (!format) {
    format = dateFormat(lang, { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? format.format(new Date(`${date}T00:00:00Z`)) : date;
};

/**
 * The itinerary's editor: every item a group of fields, grouped by day, saved whole. Items are
 * added and removed by buttons that post the form without JavaScript (the server answers with a
 * row more or less, nothing saved) and act at once with it. Times are typed in the item's zone.
 */
export function ItineraryForm({
  defaultValue,
  result,
  options,
  timeZone,
  cancelTo,
  notice,
}: {
  defaultValue: FormValues;
  result?: ActionResult;
  options: ItineraryEditOptions;
  /** The visit's zone: a new item's default. */
  timeZone: string;
  cancelTo: string;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<ItemColumn | "version" | "itemMembers" | "itemCases">({
    id: "itinerary",
    result,
    defaultValue,
  });
  const errors = form.allErrors as Record<string, FieldErrors | undefined>;
  const values = Object.fromEntries(columns.map((c) => [c, cellsOf(fields[c].initialValue)])) as Record<
    ItemColumn,
    string[]
  >;
  const ticked = new Set([...cellsOf(fields.itemMembers.initialValue), ...cellsOf(fields.itemCases.initialValue)]);
  const version = typeof fields.version.initialValue === "string" ? fields.version.initialValue : "";

  const { rows, listRef, add, remove } = useRepeatedRows<Row>(
    () => {
      const count = Math.max(0, ...columns.map((c) => values[c].length));
      const stored = Array.from({ length: count }, (_, i) => ({
        key: values.itemKey[i] || `n${i + 1}`,
        from: i,
        day: values.itemDay[i] ?? "",
        zone: values.itemZone[i] || timeZone,
      }));
      return stored.length ? stored : [{ key: "n1", from: null, day: "", zone: timeZone }];
    },
    'input[name="itemDay"]',
    "itinerary-add",
  );

  const label = (c: ItemColumn | "itemMembers" | "itemCases") => t(`itinerary.fields.${c}`);
  const cell = (c: ItemColumn, row: Row) => (row.from === null ? "" : (values[c][row.from] ?? ""));
  const cellId = (c: string, i: number) => `itinerary-${c}-${i}`;
  const error = (c: string, i: number) => errors[`${c}[${i}]`]?.[0];

  // The summary names each wrong cell as "Item 2: Ends", in the page's order.
  const labels: Record<string, string> = {};
  const anchors: Record<string, string> = {};
  rows.forEach((_, i) => {
    for (const c of [...columns, "itemCases" as const]) {
      const name = `${c}[${i}]`;
      labels[name] = `${t("itinerary.edit.itemRow", { n: i + 1 })}: ${label(c)}`;
      anchors[name] = cellId(c, i);
    }
  });

  const cellField = (
    c: ItemColumn,
    row: Row,
    i: number,
    control: (a: CellAttributes) => ReactNode,
    { hint, optional }: { hint?: string; optional?: boolean } = {},
  ) => (
    <RowCell
      prefix="itinerary"
      column={c}
      row={i}
      label={label(c)}
      errors={errors}
      value={cell(c, row)}
      hint={hint}
      optional={optional}
    >
      {control}
    </RowCell>
  );
  const textCell = (c: ItemColumn, row: Row, i: number, max: number, inputLang?: Language) =>
    cellField(c, row, i, (a) => <input {...a} type="text" maxLength={max} lang={inputLang} />, { optional: true });

  // A new row starts on the last row's day and in its zone, as typed so far.
  const addRow = (event: React.MouseEvent) => {
    const days = listRef.current?.querySelectorAll<HTMLInputElement>('input[name="itemDay"]');
    const zones = listRef.current?.querySelectorAll<HTMLInputElement>('input[name="itemZone"]');
    const next = 1 + Math.max(0, ...rows.map((r) => (/^n\d+$/.test(r.key) ? Number(r.key.slice(1)) : 0)));
    add(event, {
      key: `n${next}`,
      from: null,
      day: days?.length ? days[days.length - 1]!.value : "",
      zone: zones?.length ? zones[zones.length - 1]!.value : timeZone,
    });
  };

  const choiceGroup = (
    name: "itemMembers" | "itemCases",
    row: Row,
    i: number,
    items: { id: number; label: string }[],
    empty: string,
  ) => {
    const errorText = name === "itemCases" ? error("itemCases", i) : undefined;
    const errorId = `${cellId(name, i)}-error`;
    return (
      <fieldset
        id={cellId(name, i)}
        className="activity-form__subgroup"
        aria-describedby={errorText ? errorId : undefined}
      >
        <legend>{label(name)}</legend>
        <FieldError id={errorId} error={errorText} />
        {items.length ? (
          <ul className="plain itinerary-form__choices">
            {items.map((item) => {
              const value = `${row.key}:${item.id}`;
              const id = `itinerary-${name}-${row.key}-${item.id}`;
              return (
                <li key={item.id}>
                  <input type="checkbox" id={id} name={name} value={value} defaultChecked={ticked.has(value)} />{" "}
                  <label htmlFor={id}>{item.label}</label>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="hint">{empty}</p>
        )}
      </fieldset>
    );
  };

  const dayOf = (row: Row) => (row.from === null ? row.day : (values.itemDay[row.from] ?? ""));
  const heading = (row: Row, i: number) => {
    const previous = rows[i - 1];
    if (row.from === null) {
      return previous?.from === null ? null : <h3 className="itinerary-form__day">{t("itinerary.edit.newItems")}</h3>;
    }
    const day = dayOf(row);
    if (previous && dayOf(previous) === day) return null;
    return <h3 className="itinerary-form__day">{day ? dayName(lang, day) : t("itinerary.edit.noDay")}</h3>;
  };

  return (
    <>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} anchors={anchors} />
      {notice}
      <RepeatedRowsForm
        form={form}
        className="form activity-form itinerary-form"
        version={version}
        intro={
          <>
            <p className="hint">{t("itinerary.edit.intro")}</p>
            <TimeZoneSuggestions id="itinerary-zones" zones={options.commonZones} />
          </>
        }
        rowsClassName="itinerary-form__rows"
        listRef={listRef}
        add={{ id: "itinerary-add", intent: addItemIntent, label: t("itinerary.edit.addItem"), onClick: addRow }}
        saveLabel={t("itinerary.edit.save")}
        cancelTo={cancelTo}
      >
        {rows.map((row, i) => (
          <div key={row.key}>
            {heading(row, i)}
            <RowFieldset
              rowKey={row.key}
              legend={t("itinerary.edit.itemRow", { n: i + 1 })}
              className="activity-form__group itinerary-form__row"
              remove={{
                intent: `${removeItemIntent}${row.key}`,
                label: t("itinerary.edit.removeItem", { n: i + 1 }),
                className: "itinerary-form__remove",
                onClick: (event) => remove(event, row.key),
              }}
            >
              <input type="hidden" name="itemKey" value={row.key} />
              <div className="activity-form__row">
                {cellField("itemDay", row, i, (a) => (
                  <input {...a} type="date" defaultValue={a.defaultValue || row.day} />
                ))}
                {cellField(
                  "itemStart",
                  row,
                  i,
                  (a) => (
                    <input {...a} type="time" />
                  ),
                  {
                    hint: t("itinerary.hints.itemTime"),
                  },
                )}
                {cellField("itemEnd", row, i, (a) => (
                  <input {...a} type="time" />
                ))}
                {cellField("itemEndDay", row, i, (a) => (
                  <select {...a} defaultValue={a.defaultValue || "same"}>
                    <option value="same">{t("itinerary.endDay.same")}</option>
                    <option value="next">{t("itinerary.endDay.next")}</option>
                  </select>
                ))}
                {cellField("itemZone", row, i, (a) => (
                  <TimeZoneInput {...a} list="itinerary-zones" required defaultValue={a.defaultValue || row.zone} />
                ))}
              </div>
              <div className="activity-form__row">
                {cellField("itemTitleEn", row, i, (a) => (
                  <input {...a} type="text" maxLength={200} lang="en" />
                ))}
                {textCell("itemTitleId", row, i, 200, "id")}
                {textCell("itemTitleAz", row, i, 200, "az")}
              </div>
              <div className="activity-form__row">
                {cellField(
                  "itemAgendaEn",
                  row,
                  i,
                  (a) => (
                    <textarea {...a} rows={3} maxLength={2000} lang="en" />
                  ),
                  {
                    optional: true,
                  },
                )}
                {cellField(
                  "itemAgendaId",
                  row,
                  i,
                  (a) => (
                    <textarea {...a} rows={3} maxLength={2000} lang="id" />
                  ),
                  {
                    optional: true,
                  },
                )}
                {cellField(
                  "itemAgendaAz",
                  row,
                  i,
                  (a) => (
                    <textarea {...a} rows={3} maxLength={2000} lang="az" />
                  ),
                  {
                    optional: true,
                  },
                )}
              </div>
              <div className="activity-form__row">
                {textCell("itemPlace", row, i, 200)}
                {textCell("itemAddress", row, i, 500)}
              </div>
              <div className="activity-form__row">
                {cellField(
                  "itemHost",
                  row,
                  i,
                  (a) => (
                    <OrganizationSelect
                      {...a}
                      none={t("itinerary.edit.noHost")}
                      organizations={options.organizations}
                    />
                  ),
                  { optional: true },
                )}
                {cellField(
                  "itemTransport",
                  row,
                  i,
                  (a) => (
                    <input {...a} type="text" maxLength={300} />
                  ),
                  {
                    hint: t("itinerary.hints.itemTransport"),
                    optional: true,
                  },
                )}
              </div>
              {cellField("itemAttendance", row, i, (a) => (
                <select {...a} defaultValue={a.defaultValue || "all"}>
                  <option value="all">{t("itinerary.attendance.all")}</option>
                  <option value="chosen">{t("itinerary.attendance.chosen")}</option>
                </select>
              ))}
              {choiceGroup(
                "itemMembers",
                row,
                i,
                options.members.map((m) => ({ id: m.id, label: m.name })),
                t("itinerary.edit.noMembers"),
              )}
              {choiceGroup(
                "itemCases",
                row,
                i,
                options.cases.map((c) => ({ id: c.id, label: localized(c.title, lang) })),
                t("itinerary.edit.noCases"),
              )}
            </RowFieldset>
          </div>
        ))}
      </RepeatedRowsForm>
    </>
  );
}

/** The conflict view's rows: one per day of either version, its items one line each. */
export function useItineraryConflictRows() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (conflict: { yours: FormValues; theirs: FormValues }): ConflictRow[] =>
    [...new Set([...Object.keys(conflict.yours), ...Object.keys(conflict.theirs)])].sort().map((day) => ({
      key: day,
      label: /^\d{4}-\d{2}-\d{2}$/.test(day) ? dayName(lang, day) : t("itinerary.conflictDay"),
      show: (v) => cellsOf(v[day]),
    }));
}
