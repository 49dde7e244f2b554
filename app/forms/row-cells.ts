// The cells of a form's repeated rows (one value per row under each column's name), apart from any
// schema: the forms' scripts load this, not zod.

/** A column's cells by row: a reply gives a single row's cell as a string and an empty one as null, which must keep its place. */
export function cellsOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : [];
}
