// What every merge's test checks alike: the refusals, and that one source cited for both records
// is cited for the survivor alone afterwards.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { ConflictError, RuleError } from "../../app/models/errors.server";

type MergeInput = { survivorId: number; duplicateId: number; survivorVersion?: number };

/**
 * Cites one source for both records, checks that `merge` refuses a record merged into itself and a
 * survivor whose version is stale, then merges; returns the merge's result and whom the source cites.
 */
export async function mergeChecked<Merged>(
  db: Database,
  subjectKind: "person" | "organization",
  survivor: { id: number; version: number },
  duplicateId: number,
  merge: (input: MergeInput) => Promise<Merged>,
): Promise<{ merged: Merged; cited: number[] }> {
  const [source] = await db
    .insert(t.sources)
    .values({ slug: `s-${subjectKind}-${survivor.id}-${duplicateId}`, publisher: "P", title: "T" })
    .returning();
  await db.insert(t.citations).values([
    { sourceId: source!.id, subjectKind, subjectId: survivor.id },
    { sourceId: source!.id, subjectKind, subjectId: duplicateId },
  ]);
  await expect(merge({ survivorId: survivor.id, duplicateId: survivor.id })).rejects.toBeInstanceOf(RuleError);
  await expect(
    merge({ survivorId: survivor.id, duplicateId, survivorVersion: survivor.version + 3 }),
  ).rejects.toBeInstanceOf(ConflictError);
  const merged = await merge({ survivorId: survivor.id, duplicateId, survivorVersion: survivor.version });
  const cited = await db
    .select({ subjectId: t.citations.subjectId })
    .from(t.citations)
    .where(and(eq(t.citations.subjectKind, subjectKind), eq(t.citations.sourceId, source!.id)));
  return { merged, cited: cited.map((c) => c.subjectId) };
}
