import { same } from "./same-values";
import type { SeedRun } from "./seed-run.server";
import type { Stored } from "./their-changes.server";

/** A record of content/ of a kind the app edits, and the model functions that write it. */
export interface ModelRecord<Row> {
  kind: string;
  slug: string;
  /** How the report names the record when it is left alone. */
  title: string;
  /** content/'s values, in the shape the model takes them. */
  wanted: unknown;
  /** The stored values in that same shape, with the version they are at. */
  current: (row: Row) => Promise<{ version: number; values: unknown }> | { version: number; values: unknown };
  create: () => Promise<{ id: number } | null>;
  update: (id: number, version: number) => Promise<unknown>;
}

/**
 * Creates the record through its model, or updates it there while it is still the seed's. Returns
 * its id and whether it is still the seed's (its citations then follow content/ too); null when
 * someone deleted it in the app.
 */
export async function putThroughModel<Row extends { id: number }>(
  run: SeedRun,
  stored: Stored<Row>,
  record: ModelRecord<Row>,
): Promise<{ id: number; ours: boolean } | null> {
  const { kind, slug, title } = record;
  const row = stored.row(slug);
  if (!row) {
    // Deleted in the app: creating it again would undo that.
    if (stored.deleted(slug)) {
      run.leave(kind, slug, title, "deleted");
      return null;
    }
    const created = await run.write(kind, slug, async () => {
      const made = await record.create();
      if (!made) throw new Error("what it belongs to does not exist");
      return made;
    });
    run.count("created");
    return { id: created.id, ours: true };
  }
  const ours = !stored.theirs(row);
  const current = await record.current(row);
  if (same(current.values, record.wanted)) run.count("unchanged");
  else if (!ours) run.leave(kind, slug, title, "changed");
  else {
    await run.write(kind, slug, () => record.update(row.id, current.version));
    run.count("updated");
  }
  return { id: row.id, ours };
}
