// What merging two records of any kind shares: counting the rows that moved, and moving the sources
// cited and documents attached to the duplicate.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { CitableKind } from "../../db/schema";

/** A tally of the rows each table moved; `tally` runs an update and adds the rows it changed. */
export function referenceTally(tx: Database) {
  const moved: Record<string, number> = {};
  const tally = async (table: string, query: SQL) => {
    const result = (await tx.execute(query)) as unknown as { count?: number; affectedRows?: number };
    moved[table] = (moved[table] ?? 0) + Number(result.count ?? result.affectedRows ?? 0);
  };
  return { moved, tally };
}

/**
 * Moves the citations and attachments of the record (`kind`, `duplicateId`) to (`kind`,
 * `survivorId`); a source or document both named collapses into the survivor's row.
 */
export async function moveSubjectLinks(
  tx: Database,
  tally: ReturnType<typeof referenceTally>["tally"],
  kind: CitableKind,
  survivorId: number,
  duplicateId: number,
) {
  for (const [table, key] of [
    ["citations", "source_id"],
    ["attachments", "document_id"],
  ] as const) {
    await tally(
      table,
      sql`update ${sql.identifier(table)} set subject_id = ${survivorId}
        where subject_kind = ${kind} and subject_id = ${duplicateId}
        and ${sql.identifier(key)} not in (select ${sql.identifier(key)} from ${sql.identifier(table)}
          where subject_kind = ${kind} and subject_id = ${survivorId})`,
    );
    await tx.execute(
      sql`delete from ${sql.identifier(table)} where subject_kind = ${kind} and subject_id = ${duplicateId}`,
    );
  }
}
