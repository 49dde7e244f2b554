// Turns a prepared select's rows into objects with a plan made once per statement.
import { Column, getTableName, is, SQL, Subquery } from "drizzle-orm";

type Row = Record<string, unknown>;
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
/** A selected field as drizzle's prepared statements list it. */
interface SelectedField {
  path: string[];
  field: unknown;
}
/** The parts of a drizzle prepared select this reads and sets (both drivers' classes have them). */
export interface PreparedSelect {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

interface FieldPlan {
  path: string[];
  last: string;
  decoder: Decoder;
  /** The table of a column selected as part of an object (`{ parent: { id: parent.id } }`). */
  objectTable: string | null;
}

/**
 * What drizzle's own row mapping (`mapResultRow`) does, with each field's decoder found once for
 * the statement rather than once per field of every row: drizzle tells a column from an SQL
 * expression by walking prototypes on each value, which was a fifth of an export's server time
 * (npm run bench). The output is the same, including a left-joined object made null when its
 * table's columns are (tests/integration/prepared-rows.test.ts compares the two).
 */
export function rowMapper(fields: SelectedField[], joinsNotNullableMap: Record<string, boolean> | undefined) {
  const plans: FieldPlan[] = fields.map(({ path, field }) => {
    const column = is(field, Column);
    return {
      path,
      last: path[path.length - 1]!,
      decoder: column ? field : decoderOf(field),
      objectTable: joinsNotNullableMap && column && path.length === 2 ? getTableName(field.table) : null,
    };
  });
  return (rows: unknown[][]) => rows.map((row) => mapRow(plans, row, joinsNotNullableMap));
}

/** An SQL expression's decoder, where drizzle keeps it (an internal field, hence the casts). */
function decoderOf(field: unknown): Decoder {
  const expression = is(field, SQL) ? field : is(field, Subquery) ? (field._.sql as SQL) : (field as { sql: SQL }).sql;
  return (expression as unknown as { decoder: Decoder }).decoder;
}

function mapRow(plans: FieldPlan[], row: unknown[], joinsNotNullableMap: Record<string, boolean> | undefined) {
  const result: Row = {};
  let nullify: Record<string, string | false> | null = null;
  for (let i = 0; i < plans.length; i++) {
    const { path, last, decoder, objectTable } = plans[i]!;
    let node = result;
    for (let p = 0; p < path.length - 1; p++) node = (node[path[p]!] ??= {}) as Row;
    const raw = row[i];
    const value = (node[last] = raw === null ? null : decoder.mapFromDriverValue(raw));
    if (objectTable !== null) {
      // As drizzle decides it: the object's first column says whether its table matched.
      const objectName = path[0]!;
      nullify ??= {};
      if (!(objectName in nullify)) nullify[objectName] = value === null ? objectTable : false;
      else if (typeof nullify[objectName] === "string" && nullify[objectName] !== objectTable)
        nullify[objectName] = false;
    }
  }
  if (nullify && joinsNotNullableMap) {
    for (const [objectName, table] of Object.entries(nullify)) {
      if (typeof table === "string" && !joinsNotNullableMap[table]) result[objectName] = null;
    }
  }
  return result;
}

/** Gives a prepared select the mapper above, where drizzle would map its rows itself. */
export function withRowMapper<T>(statement: T): T {
  const select = statement as PreparedSelect;
  if (Array.isArray(select.fields) && !select.customResultMapper) {
    select.customResultMapper = rowMapper(select.fields, select.joinsNotNullableMap);
  }
  return statement;
}
