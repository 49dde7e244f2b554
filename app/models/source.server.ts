import { and, asc, eq, inArray } from "drizzle-orm";
import { citations, sources, type CitableKind } from "../../db/schema";
import type { Database } from "../../db/client";

/** The sources cited by a set of records of one kind, in one query, grouped by record id. */
export async function citationsFor(db: Database, kind: CitableKind, ids: number[]) {
  const bySubject = new Map<number, (typeof sources.$inferSelect)[]>();
  if (!ids.length) return bySubject;
  const rows = await db
    .select({ subjectId: citations.subjectId, source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(and(eq(citations.subjectKind, kind), inArray(citations.subjectId, ids)))
    .orderBy(asc(sources.publishedOn), asc(sources.id));
  for (const row of rows) {
    const list = bySubject.get(row.subjectId) ?? [];
    list.push(row.source);
    bySubject.set(row.subjectId, list);
  }
  return bySubject;
}
