// The itinerary form: every item of a visit as repeated rows (one value per row in each column),
// saved whole. Who attends and the linked cases are checkbox groups whose values name their row by
// its key ("<key>:<id>"), since an unticked box sends nothing and could not keep its row's place.
import { z } from "zod";
import { isTimeZone } from "../lib/format";
import { asList, isCalendarDate, maxId, optionalId } from "../lib/form-schema";

/** The columns of an item's row, one value per row each. */
export const itemColumns = [
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
] as const;
export type ItemColumn = (typeof itemColumns)[number];

/** What makes a row an item: anything typed here (the day, zone and attendance come prefilled). */
export const typedColumns = [
  "itemStart",
  "itemEnd",
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
] as const satisfies readonly ItemColumn[];

/** The checkbox groups of a row, each value "<row key>:<id>". */
export const itemChoices = ["itemMembers", "itemCases"] as const;

/** The add and remove buttons post these intents; removing names the row: "remove-item:<key>". */
export const addItemIntent = "add-item";
export const removeItemIntent = "remove-item:";

const maxLength: Partial<Record<ItemColumn, number>> = {
  itemKey: 20,
  itemDay: 10,
  itemStart: 5,
  itemEnd: 5,
  itemEndDay: 4,
  itemZone: 64,
  itemTitleEn: 200,
  itemTitleId: 200,
  itemTitleAz: 200,
  itemAgendaEn: 2000,
  itemAgendaId: 2000,
  itemAgendaAz: 2000,
  itemPlace: 200,
  itemAddress: 500,
  itemHost: 10,
  itemTransport: 300,
  itemAttendance: 10,
};

const column = (max: number) => z.preprocess(asList, z.array(z.string().trim().max(max)).max(200));
const choice = z.preprocess(
  asList,
  z.array(z.string().regex(/^[\w-]{1,20}:\d{1,10}$/, "validation.invalidChoice")).max(2000),
);

export const time = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Which day an item ends on: its own, or the next (past midnight at the place). */
export const endDays = ["same", "next"] as const;
export type EndDay = (typeof endDays)[number];
const isId = (v: string) => /^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= maxId;

const shape = {
  version: optionalId,
  ...(Object.fromEntries(itemColumns.map((c) => [c, column(maxLength[c] ?? 200)])) as Record<
    ItemColumn,
    ReturnType<typeof column>
  >),
  itemMembers: choice,
  itemCases: choice,
};

export type ItineraryRows = Record<ItemColumn, string[]> & Record<(typeof itemChoices)[number], string[]>;

/** How many rows the columns hold. */
export const rowCount = (v: Partial<ItineraryRows>) => Math.max(0, ...itemColumns.map((c) => v[c]?.length ?? 0));

/** Whether row `i` is an item (a row with nothing typed is no item: that is how one is removed). */
export const rowTyped = (v: Partial<ItineraryRows>, i: number) => typedColumns.some((c) => (v[c]?.[i] ?? "") !== "");

export const itineraryFormSchema = z.object(shape).superRefine((value, ctx) => {
  const v = value as unknown as ItineraryRows;
  const issue = (field: ItemColumn, i: number, message: string) =>
    ctx.addIssue({ code: "custom", path: [field, i], message });
  for (let i = 0; i < rowCount(v); i++) {
    if (!rowTyped(v, i)) continue;
    const cell = (c: ItemColumn) => v[c][i] ?? "";
    if (!cell("itemKey")) issue("itemKey", i, "validation.invalid");
    if (!cell("itemTitleEn") && !cell("itemTitleId") && !cell("itemTitleAz"))
      issue("itemTitleEn", i, "validation.required");
    if (!isCalendarDate(cell("itemDay")))
      issue("itemDay", i, cell("itemDay") ? "validation.dateRange" : "validation.required");
    for (const c of ["itemStart", "itemEnd"] as const) {
      if (!time.test(cell(c))) issue(c, i, cell(c) ? "itinerary.timeInvalid" : "validation.required");
    }
    // An item may end the next day (a night flight); on the same day it ends after it starts.
    // A row without the column (a form loaded before it existed) ends on its own day.
    if (cell("itemEndDay") && !endDays.includes(cell("itemEndDay") as EndDay))
      issue("itemEndDay", i, "validation.invalidChoice");
    const sameDay = cell("itemEndDay") !== "next";
    if (sameDay && time.test(cell("itemStart")) && time.test(cell("itemEnd")) && cell("itemEnd") <= cell("itemStart"))
      issue("itemEnd", i, "itinerary.endBeforeStart");
    if (!isTimeZone(cell("itemZone"))) issue("itemZone", i, "itinerary.unknownTimeZone");
    if (cell("itemHost") && !isId(cell("itemHost"))) issue("itemHost", i, "itinerary.unknownHost");
    if (!["all", "chosen"].includes(cell("itemAttendance"))) issue("itemAttendance", i, "validation.invalidChoice");
  }
});

export type ItineraryFormData = z.output<typeof itineraryFormSchema>;
