// The documents a record carries: listing them, attaching one already uploaded, detaching one (a
// document no record carries any more goes, bytes and all), and the documents of a published
// case, which the library shows.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { attachments, casePublications, documents } from "../../db/schema";
import type { Database } from "../../db/client";
import type { DocumentSubject } from "../lib/record-subject";
import type { DocumentStore } from "../storage/document-store";
import { recordAudit, type Actor } from "./audit.server";
import { subjectExists } from "./record-subject.server";

/** What a record page shows of a document. */
export interface AttachedDocument {
  id: number;
  fileName: string;
  title: string | null;
  mediaType: string;
  byteSize: number;
}

const listed = {
  id: documents.id,
  fileName: documents.fileName,
  title: documents.title,
  mediaType: documents.mediaType,
  byteSize: documents.byteSize,
};

const ofSubject = (subject: DocumentSubject) =>
  and(eq(attachments.subjectKind, subject.kind), eq(attachments.subjectId, subject.id));

/** The documents attached to a record, oldest first. */
export function attachmentsFor(db: Database, subject: DocumentSubject): Promise<AttachedDocument[]> {
  return db
    .select(listed)
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .where(ofSubject(subject))
    .orderBy(asc(attachments.createdAt), asc(documents.id));
}

/** The documents of many itinerary items in one query, by item id (an item without any: none). */
export async function attachmentsForItems(db: Database, itemIds: number[]): Promise<Map<number, AttachedDocument[]>> {
  const byItem = new Map<number, AttachedDocument[]>();
  if (!itemIds.length) return byItem;
  const rows = await db
    .select({ ...listed, itemId: attachments.subjectId })
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .where(and(eq(attachments.subjectKind, "itinerary_item"), inArray(attachments.subjectId, itemIds)))
    .orderBy(asc(attachments.createdAt), asc(documents.id));
  for (const { itemId, ...document } of rows) byItem.set(itemId, [...(byItem.get(itemId) ?? []), document]);
  return byItem;
}

/**
 * The documents of a case the library publishes; none for a case without a publication (a draft,
 * an archived one), whatever it carries. A document attached since the case was last published
 * waits for the next publication, as the rest of a revision does.
 */
export function publicDocumentsFor(db: Database, caseId: number): Promise<AttachedDocument[]> {
  return db
    .select(listed)
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .innerJoin(
      casePublications,
      and(eq(casePublications.caseId, attachments.subjectId), lte(attachments.createdAt, casePublications.publishedAt)),
    )
    .where(ofSubject({ kind: "case", id: caseId }))
    .orderBy(asc(attachments.createdAt), asc(documents.id));
}

/**
 * Attaches a document already uploaded to another record: one file, carried by several records
 * (the minutes of a visit on the visit and on the agreement it served). "missing" when the document
 * or the record does not exist, "already" when the record carries it.
 */
export async function attachDocument(
  db: Database,
  actor: Actor,
  target: { documentId: number; subject: DocumentSubject },
): Promise<"attached" | "already" | "missing"> {
  return db.transaction(async (tx) => {
    // Shared lock: a detach that would delete the document waits for this attach, then sees it.
    const [document] = await tx.select(listed).from(documents).where(eq(documents.id, target.documentId)).for("share");
    if (!document || !(await subjectExists(tx, target.subject))) return "missing";
    const [added] = await tx
      .insert(attachments)
      .values({ documentId: document.id, subjectKind: target.subject.kind, subjectId: target.subject.id })
      .onConflictDoNothing()
      .returning();
    if (!added) return "already";
    await auditAttach(tx, actor, target.subject, document);
    return "attached";
  });
}

/** The audit row of a document attached to a record, by upload or from the uploaded ones. */
export function auditAttach(
  tx: Database,
  actor: Actor,
  subject: DocumentSubject,
  document: { id: number; fileName: string },
) {
  return recordAudit(tx, {
    actor,
    action: "attach",
    entityType: `${subject.kind}_attachments`,
    entityId: subject.id,
    after: { documentId: document.id, fileName: document.fileName },
  });
}

/**
 * Takes a document off a record. A document no record carries any more is deleted with its bytes,
 * in the same transaction where the store can join it. False when it was not attached there.
 */
export async function detachDocument(
  db: Database,
  store: DocumentStore,
  actor: Actor,
  target: { documentId: number; subject: DocumentSubject },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(attachments)
      .where(and(eq(attachments.documentId, target.documentId), ofSubject(target.subject)))
      .returning();
    if (!gone) return false;
    // Locked before counting who else carries it: an attach under way finishes first (attachDocument).
    const [document] = await tx.select().from(documents).where(eq(documents.id, target.documentId)).for("update");
    await recordAudit(tx, {
      actor,
      action: "detach",
      entityType: `${target.subject.kind}_attachments`,
      entityId: target.subject.id,
      before: { documentId: target.documentId, fileName: document?.fileName },
    });
    const [{ left } = { left: 0 }] = await tx
      .select({ left: sql<number>`count(*)::int` })
      .from(attachments)
      .where(eq(attachments.documentId, target.documentId));
    if (document && left === 0) {
      await tx.delete(documents).where(eq(documents.id, document.id));
      await store.delete(document.storageKey, tx);
      const { storageKey: _key, ...before } = document;
      await recordAudit(tx, { actor, action: "delete", entityType: "document", entityId: document.id, before });
    }
    return true;
  });
}
