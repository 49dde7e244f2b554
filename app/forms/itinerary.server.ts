// The itinerary form and the itinerary: rows of local times in each item's zone turned into UTC
// items for the model, and back; a row added or removed; both versions of a conflict by day.
import type { Language } from "../i18n/config";
import { addDays } from "../lib/calendar-days";
import { canonicalTimeZone } from "../lib/format";
import { localized, localizedOrNull } from "../lib/localized";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import type { ItineraryItemInput } from "../models/itinerary-writes.server";
import type { ItineraryStateItem } from "../models/itinerary-state.server";
import { RecordError } from "../models/errors.server";
import {
  itemColumns,
  rowCount,
  rowTyped,
  type ItemColumn,
  type ItineraryFormData,
  type ItineraryRows,
} from "./itinerary";
import type { FormValues } from "./result";
import { cellsOf } from "./row-cells";

const orNull = (v: string | undefined) => (v ? v : null);

/** The ids ticked in a row's checkbox group, from values "<key>:<id>". */
const chosen = (values: string[], key: string) =>
  values.filter((v) => v.slice(0, v.lastIndexOf(":")) === key).map((v) => Number(v.slice(v.lastIndexOf(":") + 1)));

/**
 * The items of the rows with anything typed, in UTC, and the row each came from (for its
 * messages). A row's key is a stored item's id, or a new row's own ("n3").
 */
export function itineraryInput(value: ItineraryFormData) {
  const v = value as unknown as ItineraryRows;
  const items: ItineraryItemInput[] = [];
  const rows: number[] = [];
  for (let i = 0; i < rowCount(v); i++) {
    if (!rowTyped(v, i)) continue;
    const cell = (c: ItemColumn) => v[c][i] ?? "";
    const key = cell("itemKey");
    // Typed, a zone may come in any case ("asia/baku"): it is kept as the zone spells itself.
    const zone = canonicalTimeZone(cell("itemZone")) ?? cell("itemZone");
    items.push({
      id: /^\d{1,10}$/.test(key) ? Number(key) : null,
      startsAt: zonedToUtc(cell("itemDay"), cell("itemStart"), zone),
      endsAt: zonedToUtc(
        cell("itemEndDay") === "next" ? addDays(cell("itemDay"), 1) : cell("itemDay"),
        cell("itemEnd"),
        zone,
      ),
      timeZone: zone,
      title: localizedOrNull(cell("itemTitleEn"), cell("itemTitleId"), cell("itemTitleAz"))!,
      agenda: localizedOrNull(cell("itemAgendaEn"), cell("itemAgendaId"), cell("itemAgendaAz")),
      placeName: orNull(cell("itemPlace")),
      address: orNull(cell("itemAddress")),
      hostOrganizationId: cell("itemHost") ? Number(cell("itemHost")) : null,
      transport: orNull(cell("itemTransport")),
      allMembers: cell("itemAttendance") !== "chosen",
      memberIds: cell("itemAttendance") === "chosen" ? chosen(v.itemMembers, key) : [],
      caseIds: chosen(v.itemCases, key),
    });
    rows.push(i);
  }
  return { items, rows };
}

/** The model's messages about item `i` put on the row it came from: "itemEnd[0]" → "itemEnd[3]". */
export function onFormRows(error: RecordError, rows: number[]) {
  const errors = Object.fromEntries(
    Object.entries(error.errors).map(([field, message]) => {
      const match = /^(\w+)\[(\d+)\]$/.exec(field);
      return [match ? `${match[1]}[${rows[Number(match[2])] ?? match[2]}]` : field, message];
    }),
  );
  return new RecordError(errors, error.status);
}

/** The stored itinerary as the form's rows, each item in its own zone's clock. */
export function itineraryFormValues(state: { version: number; items: ItineraryStateItem[] }): FormValues {
  const values: Record<string, string[]> = Object.fromEntries(
    [...itemColumns, "itemMembers", "itemCases"].map((c) => [c, []]),
  );
  for (const item of state.items) {
    const start = utcToZoned(new Date(item.startsAt), item.timeZone);
    const end = utcToZoned(new Date(item.endsAt), item.timeZone);
    const key = String(item.id);
    const row: Record<ItemColumn, string> = {
      itemKey: key,
      itemDay: start.date,
      itemStart: start.time,
      itemEnd: end.time,
      itemEndDay: end.date > start.date ? "next" : "same",
      itemZone: item.timeZone,
      itemTitleEn: item.title.en,
      itemTitleId: item.title.id ?? "",
      itemTitleAz: item.title.az ?? "",
      itemAgendaEn: item.agenda?.en ?? "",
      itemAgendaId: item.agenda?.id ?? "",
      itemAgendaAz: item.agenda?.az ?? "",
      itemPlace: item.placeName ?? "",
      itemAddress: item.address ?? "",
      itemHost: item.hostOrganizationId ? String(item.hostOrganizationId) : "",
      itemTransport: item.transport ?? "",
      itemAttendance: item.allMembers ? "all" : "chosen",
    };
    for (const c of itemColumns) values[c]!.push(row[c]);
    values.itemMembers!.push(...item.memberIds.map((id) => `${key}:${id}`));
    values.itemCases!.push(...item.caseIds.map((id) => `${key}:${id}`));
  }
  return { ...values, version: String(state.version) };
}

/** Typed values as a list per column. */
export const columnsOf = (values: Record<string, unknown>, name: string) => cellsOf(values[name]);

/** The typed values with a new empty row after the others, on the last row's day and zone. */
export function withRowAdded(values: Record<string, unknown>, defaultZone: string): FormValues {
  const out: FormValues = { ...(values as FormValues) };
  const n = Math.max(0, ...itemColumns.map((c) => columnsOf(values, c).length));
  const keys = columnsOf(values, "itemKey");
  const next = 1 + Math.max(0, ...keys.map((k) => (/^n\d+$/.test(k) ? Number(k.slice(1)) : 0)));
  for (const c of itemColumns) {
    const cells = columnsOf(values, c);
    while (cells.length < n) cells.push("");
    const last = cells[n - 1] ?? "";
    const fresh: Partial<Record<ItemColumn, string>> = {
      itemKey: `n${next}`,
      itemDay: last,
      itemZone: last || defaultZone,
      itemEndDay: "same",
      itemAttendance: "all",
    };
    out[c] = [...cells, fresh[c] ?? ""];
  }
  return out;
}

/** The typed values without the row of `key`, its ticked members and cases too. */
export function withRowRemoved(values: Record<string, unknown>, key: string): FormValues {
  const out: FormValues = { ...(values as FormValues) };
  const index = columnsOf(values, "itemKey").indexOf(key);
  if (index < 0) return out;
  for (const c of itemColumns) out[c] = columnsOf(values, c).filter((_, i) => i !== index);
  for (const c of ["itemMembers", "itemCases"]) out[c] = columnsOf(values, c).filter((v) => !v.startsWith(`${key}:`));
  return out;
}

/** An itinerary by day on the place's calendar, one line per item, for the conflict view's rows. */
export function itineraryByDay(items: ItineraryStateItem[] | ItineraryItemInput[], lang: Language): FormValues {
  const days: Record<string, string[]> = {};
  const sorted = [...items].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  for (const item of sorted) {
    const start = utcToZoned(new Date(item.startsAt), item.timeZone);
    const end = utcToZoned(new Date(item.endsAt), item.timeZone);
    const place = item.placeName ? ` · ${item.placeName}` : "";
    (days[start.date] ??= []).push(
      `${start.time}–${end.date > start.date ? `${end.date} ` : ""}${end.time} (${item.timeZone}) ${localized(item.title, lang)}${place}`,
    );
  }
  return days;
}
