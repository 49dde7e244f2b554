import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as t from "../../db/schema";
import { recordAudit } from "../models/audit.server";
import { lockRow, saveVersion } from "../models/versioned.server";
import { pick, same, sortRows } from "./same-values";
import { seedActor, type SeedRun } from "./seed-run.server";
import { changedByOthers, storedRecords, type Stored } from "./their-changes.server";

/*
 * The seed's bulk path (docs/decisions/0011-one-write-path-for-the-seed.md), for the kinds of
 * record the app has no editor and so no model write function for: sources, partnerships, key
 * figures, and the link sets that hang off records. It keeps the
 * models' rules: a change takes the row's lock at the version read, writes the next version, and
 * writes its audit row (whole rows before and after) in the same transaction.
 */

/** A table of records kept in content/: slug, and the version every editable record carries. */
export type ContentTable = PgTable & { id: PgColumn; slug: PgColumn; version: PgColumn; updatedAt: PgColumn };
type Row = Record<string, unknown> & { id: number; slug: string; version: number };

export interface ContentRecord {
  slug: string;
  /** How the report names the record when it is left alone. */
  title: string;
  values: Record<string, unknown>;
}

/** The records of one kind that content/ names, as stored, with who changed each last. */
export async function loadStored(run: SeedRun, table: ContentTable, entityType: string, slugs: string[]) {
  const rows = slugs.length
    ? ((await run.tx
        .select()
        .from(table as PgTable)
        .where(inArray(table.slug, slugs))) as Row[])
    : [];
  return storedRecords(run.tx, entityType, slugs, rows);
}

/**
 * Creates the record, or brings it in line with content/ while it is still the seed's. Returns its
 * id and whether it is still the seed's (its links and citations then follow content/ too); null
 * when someone deleted it.
 */
export async function putRecord(
  run: SeedRun,
  table: ContentTable,
  entityType: string,
  stored: Stored<Row>,
  record: ContentRecord,
): Promise<{ id: number; ours: boolean } | null> {
  const row = stored.row(record.slug);
  if (!row) {
    if (stored.deleted(record.slug)) {
      run.leave(entityType, record.slug, record.title, "deleted");
      return null;
    }
    const [created] = (await run.tx
      .insert(table)
      .values({ slug: record.slug, ...record.values } as never)
      .returning()) as Row[];
    await recordAudit(run.tx, {
      actor: seedActor,
      action: "create",
      entityType,
      entityId: created!.id,
      after: created,
    });
    run.count("created");
    return { id: created!.id, ours: true };
  }
  const differs = !same(pick(row, Object.keys(record.values)), record.values);
  if (stored.theirs(row)) {
    if (differs) run.leave(entityType, record.slug, record.title, "changed");
    else run.count("unchanged");
    return { id: row.id, ours: false };
  }
  if (!differs) {
    run.count("unchanged");
    return { id: row.id, ours: true };
  }
  // At the version read above: a save that came in between makes this a conflict, not an overwrite.
  const before = (await lockRow(run.tx, table, row.id, row.version)) as Row;
  const after = await saveVersion(run.tx, table, before, record.values as never);
  await recordAudit(run.tx, { actor: seedActor, action: "update", entityType, entityId: row.id, before, after });
  run.count("updated");
  return { id: row.id, ours: true };
}

/** Makes a link table hold exactly `wanted` for one owner, recording the change if there is one. */
export async function putLinks<Link extends Record<string, unknown>>(
  run: SeedRun,
  link: { table: PgTable; owner: SQL; entityType: string; ownerId: number },
  current: Link[],
  wanted: Link[],
) {
  if (same(sortRows(current), sortRows(wanted))) return;
  await run.tx.delete(link.table).where(link.owner);
  if (wanted.length) await run.tx.insert(link.table).values(wanted as never);
  await recordAudit(run.tx, {
    actor: seedActor,
    action: "link",
    entityType: link.entityType,
    entityId: link.ownerId,
    before: current,
    after: wanted,
  });
  run.count(current.length ? "updated" : "created");
}

/**
 * Makes the record cite exactly the sources content/ names for it, unless someone changed its
 * citations in the app since (app/models/source-writes.server.ts audits them under the same
 * `<kind>_citations`): then they stay as they are, and the report says so.
 */
export async function putCitations(run: SeedRun, kind: t.CitableKind, id: number, sourceSlugs: string[]) {
  const owner = and(eq(t.citations.subjectKind, kind), eq(t.citations.subjectId, id))!;
  const current = await run.tx
    .select({ sourceId: t.citations.sourceId, subjectKind: t.citations.subjectKind, subjectId: t.citations.subjectId })
    .from(t.citations)
    .where(owner);
  const wanted = sourceSlugs.map((slug) => ({ sourceId: run.id("source", slug), subjectKind: kind, subjectId: id }));
  if (same(sortRows(current), sortRows(wanted))) return;
  if ((await changedByOthers(run.tx, `${kind}_citations`, [id])).size) {
    run.leave(`${kind}_citations`, String(id), `the sources of ${kind} ${id}`, "changed");
    return;
  }
  await putLinks(run, { table: t.citations, owner, entityType: `${kind}_citations`, ownerId: id }, current, wanted);
}
