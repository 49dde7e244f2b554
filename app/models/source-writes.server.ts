// Sources staff add from the app, and the citations that tie them to cases, activities and
// agreements; each write audited in its own transaction.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { citations, sources } from "../../db/schema";
import type { Database } from "../../db/client";
import type { RecordSubject } from "../lib/record-subject";
import { recordAudit, type Actor } from "./audit.server";
import { DuplicateError, RuleError } from "./errors.server";
import { subjectExists } from "./record-subject.server";

export interface SourceInput {
  publisher: string;
  title: string;
  titleIsDescriptive: boolean;
  language: "en" | "id";
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedOn: string | null;
  /** http(s) only (checked by the form). */
  url: string | null;
  quote: string | null;
}

export interface CitationTarget {
  sourceId: number;
  subject: RecordSubject;
}

const citationOf = (target: CitationTarget) =>
  and(
    eq(citations.sourceId, target.sourceId),
    eq(citations.subjectKind, target.subject.kind),
    eq(citations.subjectId, target.subject.id),
  );

async function cite(tx: Database, actor: Actor, target: CitationTarget, note: string | null) {
  const [row] = await tx
    .insert(citations)
    .values({ sourceId: target.sourceId, subjectKind: target.subject.kind, subjectId: target.subject.id, note })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DuplicateError("sourceId", "sources.alreadyCited");
  await recordAudit(tx, {
    actor,
    action: "cite",
    entityType: `${target.subject.kind}_citations`,
    entityId: target.subject.id,
    after: { sourceId: target.sourceId, note },
  });
}

/**
 * Adds a source and cites it on a record, in one transaction. Its slug starts with "app-": the
 * seed's sources (content/sources.yaml) keep theirs. Null when the record does not exist.
 */
export async function createSource(
  db: Database,
  actor: Actor,
  input: SourceInput & { citeOn: RecordSubject; note: string | null },
) {
  const { citeOn, note, ...values } = input;
  return db.transaction(async (tx) => {
    if (!(await subjectExists(tx, citeOn))) return null;
    const [row] = await tx
      .insert(sources)
      .values({
        ...values,
        slug: `app-${randomUUID()}`,
        // A dated item is an article (news, a press release); an undated one a web page.
        kind: values.publishedOn ? "article" : "web_page",
      })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "source", entityId: row!.id, after: row });
    await cite(tx, actor, { sourceId: row!.id, subject: citeOn }, note);
    return row!;
  });
}

/** Cites a source already in the list; null when the record does not exist. */
export async function citeSource(db: Database, actor: Actor, target: CitationTarget & { note: string | null }) {
  return db.transaction(async (tx) => {
    if (!(await subjectExists(tx, target.subject))) return null;
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, target.sourceId));
    if (!source) throw new RuleError("sourceId", "sources.sourceGone", undefined, 404);
    await cite(tx, actor, target, target.note);
    return { cited: true };
  });
}

/** Stops citing a source on a record (the source stays in the list); false when it was not cited there. */
export async function removeCitation(db: Database, actor: Actor, target: CitationTarget): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(citations).where(citationOf(target)).returning();
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "uncite",
      entityType: `${target.subject.kind}_citations`,
      entityId: target.subject.id,
      before: { sourceId: row.sourceId, note: row.note },
    });
    return true;
  });
}

/**
 * Deletes a source no record cites. One still cited is refused (409, naming how many records cite
 * it): the database would otherwise drop its citations with it, silently.
 */
export async function deleteSource(db: Database, actor: Actor, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(sources).where(eq(sources.id, id)).for("update");
    if (!row) return false;
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(citations)
      .where(eq(citations.sourceId, id));
    if (count > 0) throw new RuleError("form", "sources.inUse", { count }, 409);
    await tx.delete(sources).where(eq(sources.id, id));
    await recordAudit(tx, { actor, action: "delete", entityType: "source", entityId: id, before: row });
    return true;
  });
}
