// Uploaded documents: storing one (its description, its bytes and its first attachment in one
// transaction), and reading one back for a download, with who may.
import { randomUUID, createHash } from "node:crypto";
import { and, lte, eq } from "drizzle-orm";
import { attachments, casePublications, documents } from "../../db/schema";
import type { Database } from "../../db/client";
import type { DocumentSubject } from "../lib/record-subject";
import type { DocumentStore } from "../storage/document-store";
import { cleanFileName, sniff } from "../storage/sniff";
import { auditAttach } from "./attachments.server";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { subjectExists } from "./record-subject.server";

/** The largest file an upload takes. */
export const maxDocumentBytes = 10 * 1024 * 1024;
/** The longest title a document may have. */
export const maxDocumentTitle = 200;

export interface DocumentUpload {
  /** The name the browser sent; cleaned before it is kept. */
  fileName: string;
  bytes: Uint8Array;
  title: string | null;
  /** The record it is attached to, in the same transaction. */
  attachTo: DocumentSubject;
}

/**
 * Stores an uploaded file and attaches it to a record. The type is read from the content and
 * anything the app does not take is refused (415), as is a file past the limit (413) or an empty
 * one. Null when the record does not exist. The bytes go in the same transaction as the row and
 * the audit rows, where the store can join it (the database store does).
 */
export async function uploadDocument(db: Database, store: DocumentStore, actor: Actor, upload: DocumentUpload) {
  if (upload.bytes.byteLength === 0) throw new RuleError("file", "documents.empty");
  if (upload.bytes.byteLength > maxDocumentBytes) {
    throw new RuleError("file", "documents.tooLarge", { limit: "10 MB" }, 413);
  }
  const kind = sniff(upload.bytes);
  if (!kind) throw new RuleError("file", "documents.typeRefused", undefined, 415);
  const description = {
    fileName: cleanFileName(upload.fileName, kind),
    mediaType: kind.mediaType,
    byteSize: upload.bytes.byteLength,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
    storageKey: `${store.prefix}${randomUUID()}`,
    title: upload.title?.trim() || null,
    uploadedBy: "userId" in actor ? actor.userId : null,
  };
  return db.transaction(async (tx) => {
    if (!(await subjectExists(tx, upload.attachTo))) return null;
    const [row] = await tx.insert(documents).values(description).returning();
    await store.put(row!.storageKey, upload.bytes, tx);
    const subject = { subjectKind: upload.attachTo.kind, subjectId: upload.attachTo.id };
    await tx.insert(attachments).values({ documentId: row!.id, ...subject });
    const { storageKey: _key, ...audited } = description;
    await recordAudit(tx, { actor, action: "create", entityType: "document", entityId: row!.id, after: audited });
    await auditAttach(tx, actor, upload.attachTo, row!);
    return row!;
  });
}

/** A document's description, or null. */
export async function getDocument(db: Database, id: number) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

/**
 * Whether a visitor without an account may download the document: only when it is attached to a
 * case the library publishes (one with a case_publications row), and was attached by the time that
 * publication was made: a document added since waits, with the rest of the revision, for the next
 * publication (docs/decisions/0014).
 */
export async function isPublicDocument(db: Database, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: attachments.documentId })
    .from(attachments)
    .innerJoin(
      casePublications,
      and(eq(casePublications.caseId, attachments.subjectId), lte(attachments.createdAt, casePublications.publishedAt)),
    )
    .where(and(eq(attachments.documentId, id), eq(attachments.subjectKind, "case")))
    .limit(1);
  return !!row;
}
