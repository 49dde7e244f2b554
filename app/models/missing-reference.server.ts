import { getTableColumns, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema";

/** Each foreign key by its constraint's name: the table it is on, and its column's form field. */
let foreignKeys: Map<string, { table: string; referred: string; field: string }> | undefined;

function foreignKeyFields() {
  if (foreignKeys) return foreignKeys;
  foreignKeys = new Map();
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const config = getTableConfig(table);
    const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column, key]));
    for (const fk of config.foreignKeys) {
      const [column, ...more] = fk.reference().columns;
      const field = column && !more.length ? keyOf.get(column) : undefined;
      const referred = getTableConfig(fk.reference().foreignTable).name;
      if (field) foreignKeys.set(fk.getName(), { table: config.name, referred, field });
    }
  }
  return foreignKeys;
}

/**
 * The form field of a write that named a row no longer there: an organisation merged away or a
 * person removed between loading a form and saving it (PostgreSQL's 23503). The field is found by
 * the error's constraint, not its wording. A delete refused because other rows still refer to the
 * row gives 23503 on the same constraint; its detail names the referring table where a missing
 * key's names the referred one, in quotes, in whatever language the server writes (only a table
 * referring to itself needs the English wording). Null for any other error.
 */
export function missingReference(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    // postgres.js names the constraint constraint_name, PGlite constraint.
    const fields = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; detail?: unknown };
    if (fields.code !== "23503") continue;
    const key = foreignKeyFields().get(String(fields.constraint_name ?? fields.constraint));
    if (!key) return null;
    const detail = String(fields.detail ?? "");
    const missing =
      key.referred === key.table ? detail.includes(" is not present in table ") : detail.includes(`"${key.referred}"`);
    return missing ? key.field : null;
  }
  return null;
}
