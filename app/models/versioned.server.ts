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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `values` with each text's Azerbaijani kept from `before` where the change carries none: the
 * forms edit English and Indonesian only, so saving one must not drop an `az` text the content
 * (an organisation's official name) or the demo's examples gave it.
 */
export function keepingAzerbaijani<V extends object>(before: object, values: V): V {
  const kept = { ...values } as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    const stored = (before as Record<string, unknown>)[key];
    if (
      isRecord(value) &&
      isRecord(stored) &&
      stored.az !== undefined &&
      value.az === undefined &&
      ("en" in value || "id" in value)
    )
      kept[key] = { ...value, az: stored.az };
  }
  return kept as V;
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
    .set({ ...keepingAzerbaijani(before, values), version: before.version + 1, updatedAt: new Date() } as never)
    .where(and(eq(table.id, before.id), eq(table.version, before.version)))
    .returning()) as T["$inferSelect"][];
  return after!;
}
