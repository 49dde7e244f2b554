import { and, eq, inArray, sql } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Database } from "../../db/client";

const bySeed = sql`${auditLog.actorLabel} = 'seed'`;
const byOthers = sql`${auditLog.actorLabel} is distinct from 'seed'`;

/**
 * Which of the stored records of one kind are no longer the seed's to change, read from the audit
 * log (every change writes a row there, decision 7): those whose newest audit row is someone
 * else's (a person in the app, a command) rather than the seed's. The schema has no "seeded" mark,
 * and a version alone cannot tell the seed's writes from others'.
 */
export async function changedByOthers(tx: Database, entityType: string, ids: (number | string)[]) {
  if (!ids.length) return new Set<string>();
  const rows = await tx
    .select({ id: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, ids.map(String))))
    .groupBy(auditLog.entityId)
    .having(
      sql`coalesce(max(${auditLog.id}) filter (where ${byOthers}), 0)
        > coalesce(max(${auditLog.id}) filter (where ${bySeed}), 0)`,
    );
  return new Set(rows.map((r) => r.id));
}

/** Of `slugs`, those whose record someone deleted in the app: the delete's audit row keeps the slug. */
export async function deletedByOthers(tx: Database, entityType: string, slugs: string[]) {
  if (!slugs.length) return new Set<string>();
  const slug = sql<string>`${auditLog.before}->>'slug'`;
  const rows = await tx
    .select({ slug })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.action, "delete"), byOthers, inArray(slug, slugs)));
  return new Set(rows.map((r) => r.slug));
}

/** The stored records of one kind that content/ names, and which of them are no longer the seed's. */
export interface Stored<Row> {
  row(slug: string): Row | undefined;
  /** Someone else changed it after the seed's last write. */
  theirs(row: Row): boolean;
  /** It was stored once and someone deleted it. */
  deleted(slug: string): boolean;
}

export async function storedRecords<Row extends { id: number | string }>(
  tx: Database,
  entityType: string,
  slugs: string[],
  rows: (Row & { slug: string })[],
): Promise<Stored<Row>> {
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const changed = await changedByOthers(
    tx,
    entityType,
    rows.map((r) => r.id),
  );
  const deleted = await deletedByOthers(
    tx,
    entityType,
    slugs.filter((s) => !bySlug.has(s)),
  );
  return {
    row: (slug) => bySlug.get(slug),
    theirs: (row) => changed.has(String(row.id)),
    deleted: (slug) => deleted.has(slug),
  };
}

/**
 * Records of one kind merged into another in the app, by the slug they had: the survivor's id,
 * following merges of merges. Content/ that names a merged duplicate then means the survivor.
 */
export async function mergedByOthers(tx: Database, entityType: string) {
  const rows = await tx
    .select({
      id: auditLog.entityId,
      slug: sql<string>`${auditLog.before}->>'slug'`,
      into: sql<string>`${auditLog.after}->>'mergedInto'`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, entityType),
        eq(auditLog.action, "delete"),
        byOthers,
        sql`${auditLog.after} ? 'mergedInto'`,
      ),
    );
  const next = new Map(rows.map((r) => [Number(r.id), Number(r.into)]));
  const survivor = (id: number) => {
    for (let hops = 0; next.has(id) && hops < rows.length; hops++) id = next.get(id)!;
    return id;
  };
  return new Map(rows.map((r) => [r.slug, survivor(Number(r.into))]));
}
