import { getFormProps } from "@conform-to/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Form, Link, useNavigation } from "react-router";
import type { ItemColumn } from "../forms/itinerary";
import type { ActionResult, FormValues } from "../forms/result";
import type { FieldErrors } from "../forms/submission";
import { useTranslation } from "../i18n/translation";
import type { Language } from "../i18n/config";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { ItineraryFormOptions } from "../models/itinerary-queries.server";
import { FieldError } from "./field-error";
import { Field } from "./form-field";
import { ErrorSummary } from "./form-errors";
import type { ConflictRow } from "./record-conflict";
import { useRecordForm } from "./use-record-form";
import "../styles/itinerary.css";

// The form's names (app/forms/itinerary.ts), written out so no zod reaches the browser with them.
const columns: readonly ItemColumn[] = [
  "itemKey",
  "itemDay",
  "itemStart",
  "itemEnd",
  "itemZone",
  "itemTitleEn",
  "itemTitleId",
  "itemAgendaEn",
  "itemAgendaId",
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

/** The editor's choices: the visit's members, organisations, cases, and time zones. */
export type ItineraryEditOptions = ItineraryFormOptions & { zones: string[]; commonZones: string[] };

const dayFormats = new Map<Language, Intl.DateTimeFormat>();
const dayName = (lang: Language, date: string) => {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? format.format(new Date(`${date}T00:00:00Z`)) : date;
};

const cellsOf = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : [];

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
  const navigation = useNavigation();
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

  const [rows, setRows] = useState<Row[]>(() => {
    const count = Math.max(0, ...columns.map((c) => values[c].length));
    const stored = Array.from({ length: count }, (_, i) => ({
      key: values.itemKey[i] || `n${i + 1}`,
      from: i,
      day: values.itemDay[i] ?? "",
      zone: values.itemZone[i] || timeZone,
    }));
    return stored.length ? stored : [{ key: "n1", from: null, day: "", zone: timeZone }];
  });
  const focusKey = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    const target = formRef.current?.querySelector<HTMLElement>(
      `[data-row="${focusKey.current}"] input[name="itemDay"], #itinerary-add`,
    );
    focusKey.current = null;
    target?.focus();
  }, [rows]);

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
    control: (a: Attributes) => ReactNode,
    { hint, optional }: { hint?: string; optional?: boolean } = {},
  ) => (
    <Field id={cellId(c, i)} name={c} label={label(c)} error={error(c, i)} hint={hint} optional={optional}>
      {(a) => control({ ...a, defaultValue: cell(c, row) })}
    </Field>
  );
  const textCell = (c: ItemColumn, row: Row, i: number, max: number, inputLang?: Language) =>
    cellField(c, row, i, (a) => <input {...a} type="text" maxLength={max} lang={inputLang} />, { optional: true });

  const add = (event: React.MouseEvent) => {
    event.preventDefault();
    const days = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="itemDay"]');
    const zones = formRef.current?.querySelectorAll<HTMLSelectElement>('select[name="itemZone"]');
    const next = 1 + Math.max(0, ...rows.map((r) => (/^n\d+$/.test(r.key) ? Number(r.key.slice(1)) : 0)));
    const key = `n${next}`;
    focusKey.current = key;
    setRows((current) => [
      ...current,
      {
        key,
        from: null,
        day: days?.length ? days[days.length - 1]!.value : "",
        zone: zones?.length ? zones[zones.length - 1]!.value : timeZone,
      },
    ]);
  };
  const remove = (event: React.MouseEvent, key: string) => {
    event.preventDefault();
    focusKey.current = "";
    setRows((current) => current.filter((r) => r.key !== key));
  };

  const zoneOptions = (
    <>
      <optgroup label={t("itinerary.edit.commonZones")}>
        {options.commonZones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("itinerary.edit.allZones")}>
        {options.zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </optgroup>
    </>
  );

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
      <Form method="post" ref={formRef} className="form activity-form itinerary-form" {...getFormProps(form)}>
        {/* Enter in a field saves: the first submit button is the one a browser presses for it. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("itinerary.edit.save")}
        </button>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <p className="hint">{t("itinerary.edit.intro")}</p>
        <div className="itinerary-form__rows">
          {rows.map((row, i) => (
            <div key={row.key}>
              {heading(row, i)}
              <fieldset data-row={row.key} className="activity-form__group itinerary-form__row">
                <legend>{t("itinerary.edit.itemRow", { n: i + 1 })}</legend>
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
                  {cellField("itemZone", row, i, (a) => (
                    <select {...a} defaultValue={a.defaultValue || row.zone}>
                      {zoneOptions}
                    </select>
                  ))}
                </div>
                <div className="activity-form__row">
                  {cellField("itemTitleEn", row, i, (a) => (
                    <input {...a} type="text" maxLength={200} lang="en" />
                  ))}
                  {textCell("itemTitleId", row, i, 200, "id")}
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
                      <select {...a}>
                        <option value="">{t("itinerary.edit.noHost")}</option>
                        {options.organizations.map((o) => (
                          <option key={o.id} value={o.id}>
                            {localized(o.name, lang)}
                            {o.acronym ? ` (${o.acronym})` : ""}
                          </option>
                        ))}
                      </select>
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
                <p className="itinerary-form__remove">
                  <button
                    type="submit"
                    name="intent"
                    value={`${removeItemIntent}${row.key}`}
                    className="button button--secondary"
                    onClick={(event) => remove(event, row.key)}
                  >
                    {t("itinerary.edit.removeItem", { n: i + 1 })}
                  </button>
                </p>
              </fieldset>
            </div>
          ))}
          <p>
            <button
              id="itinerary-add"
              type="submit"
              name="intent"
              value={addItemIntent}
              className="button button--secondary"
              onClick={add}
            >
              {t("itinerary.edit.addItem")}
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
            {t("itinerary.edit.save")}
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
