import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { withRowMapper } from "./prepared-rows.server";

const statements = new WeakMap<Database, Map<string, unknown>>();
const maxStatements = 500;

/**
 * A query built once per database handle and run with placeholders (drizzle's `prepare`). For the
 * larger queries of the pages people open most, drizzle building the SQL afresh on every request
 * cost more time than the database took to answer (an agreement page: about a millisecond of
 * building against well under one of answering). Queries whose shape varies (the activity
 * list's filters) are prepared once per shape, the shape in `name`. Their rows are mapped by a
 * plan made once per statement (prepared-rows.server.ts).
 */
export function preparedOnce<T>(db: Database, name: string, build: () => T): T {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    // Names may carry a query's shape (which filters are set): bounded, however odd the URLs.
    if (byName.size >= maxStatements) byName.clear();
    byName.set(name, (statement = withRowMapper(build())));
  }
  return statement;
}

/**
 * A LIMIT written into a prepared statement's SQL instead of sent as a parameter (drizzle sends a
 * number as one). Given a parameter, PostgreSQL costs a generic plan as if a tenth of the table
 * were wanted, never keeps it, and plans every execution afresh: a millisecond or more of each
 * list page. Written in, it keeps one plan where that plan is as good. For row counts fixed per
 * statement (a page size, a count's cap), whose value is then part of the statement's name.
 */
export function fixedLimit(n: number): number {
  return sql.raw(String(Math.max(0, Math.trunc(n)))) as unknown as number;
}

/**
 * The first pages' offsets are written into their statements too: with the offset a parameter,
 * PostgreSQL assumes a tenth of the rows are skipped and plans each execution afresh (3 ms of a
 * filtered activity page's 4; a quarter of the agreement page's database time). The first pages
 * are most of what people open; later ones keep the `offset` placeholder, so the statements stay
 * few. `fixedOffsetKey` goes into the statement's name, `pageOffset` into its OFFSET.
 */
const offsetIsFixed = (offset: number, limit: number) => offset <= limit * 9;

export function fixedOffsetKey(offset: number, limit: number): string {
  return offsetIsFixed(offset, limit) ? String(offset) : "";
}

export function pageOffset(offset: number, limit: number) {
  return offsetIsFixed(offset, limit) ? fixedLimit(offset) : sql.placeholder("offset");
}
