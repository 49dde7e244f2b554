import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { ConflictError } from "./errors.server";

/** A table of editable records: an id, and the version and time of the last change. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * The record to change, locked until the transaction ends so nobody saves in between; null when
 * it does not exist. With `version`, the one the editor started from: if someone saved since,
 * ConflictError carries what is saved now (as `current` presents it) and nothing changes.
 */
export async function lockRow<T extends VersionedTable>(
  tx: Database,
  table: T,
  id: number,
  version?: number,
  current: (row: T["$inferSelect"]) => unknown | Promise<unknown> = (row) => row,
): Promise<T["$inferSelect"] | null> {
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for("update")) as T["$inferSelect"][];
  if (!row) return null;
  if (version !== undefined && row.version !== version) throw new ConflictError(await current(row));
  return row;
}

/** Writes `values` over a record locked at `before`, as its next version. */
export async function saveVersion<T extends VersionedTable>(
  tx: Database,
  table: T,
  before: { id: number; version: number },
  values: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"]> {
  const [after] = (await tx
    .update(table)
    .set({ ...values, version: before.version + 1, updatedAt: new Date() } as never)
    .where(and(eq(table.id, before.id), eq(table.version, before.version)))
    .returning()) as T["$inferSelect"][];
  return after!;
}
