// The delegation form's fields, apart from its schema: the page's script loads these, not zod.
import type { FormValues } from "./result";
import { cellsOf } from "./row-cells";

/** The columns of a member's row: one value per row under each name, the rows' order kept. */
export const memberColumns = [
  "personId",
  "newName",
  "newOrganizationId",
  "side",
  "role",
  "arrivalMode",
  "arrivalRef",
  "arrivalAt",
  "departureMode",
  "departureRef",
  "departureAt",
  "hotel",
  "interpretationNeeds",
  "dietaryNeeds",
  "accessNeeds",
] as const;

export type MemberColumn = (typeof memberColumns)[number];

/** The columns whose value is the editor's own typing: a row with none of them is an empty row. */
export const typedColumns = memberColumns.filter((c) => c !== "side" && c !== "role" && !c.endsWith("Mode"));

/** A column's cells by row. */
export const columnOf = (values: Record<string, unknown>, name: MemberColumn) => cellsOf(values[name]);

/** How many rows the columns hold (the longest column). */
export const rowCount = (values: Record<string, unknown>) =>
  Math.max(0, ...memberColumns.map((c) => columnOf(values, c).length));

/** Whether row `i` has anything typed (a blank row is no row: that is one way to remove one). */
export const rowTyped = (values: Record<string, unknown>, i: number) =>
  typedColumns.some((c) => (columnOf(values, c)[i] ?? "").trim() !== "");

/** The values with every column's cell `i` taken out: a row removed. */
export function withoutRow(values: Record<string, unknown>, i: number): FormValues {
  const rows = rowCount(values);
  const out: FormValues = { ...(values as FormValues) };
  for (const c of memberColumns) {
    const cells = Array.from({ length: rows }, (_, r) => columnOf(values, c)[r] ?? "");
    cells.splice(i, 1);
    out[c] = cells;
  }
  return out;
}

/** The values with an empty row after the others: a row added. */
export function withBlankRow(values: Record<string, unknown>): FormValues {
  const rows = rowCount(values);
  const out: FormValues = { ...(values as FormValues) };
  for (const c of memberColumns) {
    const cells = Array.from({ length: rows }, (_, r) => columnOf(values, c)[r] ?? "");
    cells.push(c === "side" ? "delegation" : c === "role" ? "member" : "");
    out[c] = cells;
  }
  return out;
}

/** The intent of the button that adds a row, and the prefix of those that remove one (`remove-2`). */
export const addRowIntent = "add-row";
export const removeRowIntent = "remove-row-";
