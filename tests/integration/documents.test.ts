/**
 * Documents and sources shared by cases, activities and agreements: the models (both drivers)
 * here, the upload and download over HTTP in documents-http.test.ts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import {
  attachDocument,
  attachmentsFor,
  detachDocument,
  publicDocumentsFor,
} from "../../app/models/attachments.server";
import { referencesOf } from "../../app/models/record-references.server";
import { documentChoicesLimit } from "../../app/lib/record-subject";
import { getDocument, isPublicDocument, uploadDocument } from "../../app/models/documents.server";
import { RecordError } from "../../app/models/errors.server";
import { citedSourcesFor } from "../../app/models/source-choices.server";
import { citeSource, createSource, deleteSource, removeCitation } from "../../app/models/source-writes.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { databaseStore, type DocumentStore } from "../../app/storage/document-store";
import { publishCase } from "../../app/models/case-publish.server";
import { caseSources } from "../../app/models/case-public.server";
import { makeActivity, makeAgreement, makeCase, makePublishedCase, makeUser } from "../support/model-factories";
import { exeBytes, pdfBytes, pngBytes } from "../support/sample-files";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("documents and sources on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let store: DocumentStore;
  let actor: { userId: number };
  let partnershipId: number;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    // Countries and a partnership for the records made here.
    await seedContent(db, { demo: false });
    partnershipId = (await db.select({ id: t.partnerships.id }).from(t.partnerships).limit(1))[0]!.id;
    store = databaseStore(db);
    actor = { userId: (await makeUser(db, { role: "editor" })).id };
  });
  afterAll(() => test?.close());

  const auditOf = (entityType: string, entityId: number) =>
    db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, String(entityId))))
      .orderBy(t.auditLog.id);
  const count = async (table: typeof t.documents | typeof t.documentBlobs) => (await db.select().from(table)).length;

  it("stores an upload's description, bytes and attachment in one transaction, with audit rows", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const bytes = pdfBytes();
    const stored = await uploadDocument(db, store, actor, {
      fileName: "C:\\fakepath\\Minutes\u202Eexe.PDF",
      bytes,
      title: "  Minutes of the visit ",
      attachTo: { kind: "activity", id: activity.id },
    });
    expect(stored).toMatchObject({
      fileName: "Minutesexe.pdf",
      mediaType: "application/pdf",
      byteSize: bytes.length,
      title: "Minutes of the visit",
      uploadedBy: actor.userId,
    });
    expect(stored!.storageKey).toMatch(/^db:[0-9a-f-]{36}$/);
    expect(Buffer.from((await store.get(stored!.storageKey))!)).toEqual(bytes);
    expect((await getDocument(db, stored!.id))!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await attachmentsFor(db, { kind: "activity", id: activity.id })).toEqual([
      expect.objectContaining({ id: stored!.id, fileName: "Minutesexe.pdf" }),
    ]);
    const [created] = await auditOf("document", stored!.id);
    expect(created).toMatchObject({ action: "create", actorId: actor.userId });
    expect(created!.after).toMatchObject({ mediaType: "application/pdf", byteSize: bytes.length });
    expect(created!.after).not.toHaveProperty("storageKey");
    expect(await auditOf("activity_attachments", activity.id)).toEqual([
      expect.objectContaining({ action: "attach", after: { documentId: stored!.id, fileName: "Minutesexe.pdf" } }),
    ]);
  });

  it("refuses a file it does not take, an empty one, and one for a record that does not exist, storing nothing", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const before = [await count(t.documents), await count(t.documentBlobs)];
    const upload = (bytes: Uint8Array, fileName = "x.pdf", id = activity.id) =>
      uploadDocument(db, store, actor, { fileName, bytes, title: null, attachTo: { kind: "activity", id } });
    await expect(upload(exeBytes(), "report.pdf")).rejects.toMatchObject({ status: 415 });
    await expect(upload(Buffer.from("<html><script>alert(1)</script>"), "page.pdf")).rejects.toBeInstanceOf(
      RecordError,
    );
    await expect(upload(new Uint8Array(0))).rejects.toMatchObject({ status: 400 });
    await expect(upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25))).rejects.toMatchObject({ status: 413 });
    expect(await upload(pdfBytes(), "x.pdf", 2_000_000_000)).toBeNull();
    expect([await count(t.documents), await count(t.documentBlobs)]).toEqual(before);
  });

  it("leaves no row behind when the store fails inside the transaction", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const before = await count(t.documents);
    const failing: DocumentStore = {
      ...store,
      put: () => Promise.reject(new Error("the store is full")),
    };
    await expect(
      uploadDocument(db, failing, actor, {
        fileName: "a.png",
        bytes: pngBytes(),
        title: null,
        attachTo: { kind: "activity", id: activity.id },
      }),
    ).rejects.toThrow("the store is full");
    expect(await count(t.documents)).toBe(before);
    expect(await auditOf("activity_attachments", activity.id)).toEqual([]);
  });

  it("deletes a document with its bytes when the last record lets it go", async () => {
    const agreement = await makeAgreement(db, partnershipId);
    const subject = { kind: "agreement" as const, id: agreement.id };
    const stored = await uploadDocument(db, store, actor, {
      fileName: "a.png",
      bytes: pngBytes(),
      title: null,
      attachTo: subject,
    });
    expect(await detachDocument(db, store, actor, { documentId: stored!.id, subject: { kind: "case", id: 1 } })).toBe(
      false,
    );
    expect(await detachDocument(db, store, actor, { documentId: stored!.id, subject })).toBe(true);
    expect(await getDocument(db, stored!.id)).toBeNull();
    expect(await store.get(stored!.storageKey)).toBeNull();
    expect((await auditOf("document", stored!.id)).map((r) => r.action)).toEqual(["create", "delete"]);
    expect((await auditOf("agreement_attachments", agreement.id)).map((r) => r.action)).toEqual(["attach", "detach"]);
  });

  it("attaches a document already uploaded to a second record, once, and keeps it while either carries it", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const agreement = await makeAgreement(db, partnershipId);
    const first = { kind: "activity" as const, id: activity.id };
    const second = { kind: "agreement" as const, id: agreement.id };
    const stored = await uploadDocument(db, store, actor, {
      fileName: "minutes.pdf",
      bytes: pdfBytes(),
      title: "Minutes",
      attachTo: first,
    });
    const target = { documentId: stored!.id, subject: second };
    expect(await attachDocument(db, actor, target)).toBe("attached");
    expect(await attachDocument(db, actor, target)).toBe("already");
    expect(await attachDocument(db, actor, { documentId: stored!.id + 1000, subject: second })).toBe("missing");
    expect(await attachDocument(db, actor, { documentId: stored!.id, subject: { kind: "case", id: 999_999 } })).toBe(
      "missing",
    );
    expect((await attachmentsFor(db, second)).map((d) => d.id)).toEqual([stored!.id]);
    expect(await auditOf("agreement_attachments", agreement.id)).toEqual([
      expect.objectContaining({ action: "attach", after: { documentId: stored!.id, fileName: "minutes.pdf" } }),
    ]);

    // Taken off the first record, it stays with the second, bytes and all.
    expect(await detachDocument(db, store, actor, { documentId: stored!.id, subject: first })).toBe(true);
    expect(await getDocument(db, stored!.id)).not.toBeNull();
    expect(await store.get(stored!.storageKey)).not.toBeNull();
    expect(await detachDocument(db, store, actor, target)).toBe(true);
    expect(await getDocument(db, stored!.id)).toBeNull();
  });

  it("offers an editor the latest documents a record does not carry, and a reader none", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const agreement = await makeAgreement(db, partnershipId);
    const subject = { kind: "agreement" as const, id: agreement.id };
    const here = await uploadDocument(db, store, actor, {
      fileName: "here.png",
      bytes: pngBytes(),
      title: null,
      attachTo: subject,
    });
    const there = await uploadDocument(db, store, actor, {
      fileName: "there.png",
      bytes: pngBytes(),
      title: null,
      attachTo: { kind: "activity", id: activity.id },
    });
    const offered = (await referencesOf(db, subject, true)).documentChoices!.map((d) => d.id);
    expect(offered[0]).toBe(there!.id);
    expect(offered).not.toContain(here!.id);
    expect(offered.length).toBeLessThanOrEqual(documentChoicesLimit);
    expect((await referencesOf(db, subject, false)).documentChoices).toBeNull();
  });

  it("finds, among documents a record does not carry, those whose title or file name holds the words", async () => {
    const agreement = await makeAgreement(db, partnershipId);
    const subject = { kind: "agreement" as const, id: agreement.id };
    const elsewhere = { kind: "activity" as const, id: (await makeActivity(db, { countryCode: null })).id };
    const put = (fileName: string, title: string | null) =>
      uploadDocument(db, store, actor, { fileName, bytes: pngBytes(), title, attachTo: elsewhere });
    const minutes = await put("minutes-2024.png", "Minutes of the Baku Workshop");
    const plan = await put("workshop_plan.png", null);
    await put("photo.png", "Group photo");
    const found = async (words: string) =>
      (await referencesOf(db, subject, true, words)).documentChoices!.map((d) => d.id);
    // Case does not matter; a title or a file name will do; "%" and "_" are letters like any other.
    expect(await found("baku WORKSHOP")).toEqual([minutes!.id]);
    expect((await found("workshop")).sort()).toEqual([minutes!.id, plan!.id].sort());
    expect(await found("p_an")).toEqual([]);
    expect(await found("%")).toEqual([]);
    expect(await found("no such words")).toEqual([]);
    expect((await referencesOf(db, subject, true, "baku")).documentSearch).toBe("baku");
    expect((await referencesOf(db, subject, false, "baku")).documentSearch).toBeNull();
  });

  it("shows a case's documents to the public only as of the case's last publication", async () => {
    const draft = await makeCase(db);
    const published = await makePublishedCase(db);
    const put = (caseId: number) =>
      uploadDocument(db, store, actor, {
        fileName: "poster.png",
        bytes: pngBytes(),
        title: null,
        attachTo: { kind: "case", id: caseId },
      });
    const hidden = await put(draft.id);
    const shown = await put(published!.id);
    expect(await publicDocumentsFor(db, draft.id)).toEqual([]);
    expect(await isPublicDocument(db, hidden!.id)).toBe(false);
    // Attached after the case was published: it waits, like the rest of a revision, for the next publication.
    expect(await publicDocumentsFor(db, published!.id)).toEqual([]);
    expect(await isPublicDocument(db, shown!.id)).toBe(false);
    await publishCase(db, actor, published!.id, published!.version);
    expect(await publicDocumentsFor(db, published!.id)).toEqual([expect.objectContaining({ id: shown!.id })]);
    expect(await isPublicDocument(db, shown!.id)).toBe(true);
  });

  it("shows a published case's sources to the public only as of the case's last publication", async () => {
    const published = await makePublishedCase(db);
    const source = await createSource(db, actor, {
      publisher: "Antara",
      title: "A later report",
      titleIsDescriptive: false,
      language: "id",
      publishedOn: "2024",
      url: null,
      quote: null,
      citeOn: { kind: "case", id: published!.id },
      note: null,
    });
    // Cited after the case was published: private until the case is published again.
    expect(await caseSources(db, published!.id)).toEqual([]);
    await publishCase(db, actor, published!.id, published!.version);
    expect(await caseSources(db, published!.id)).toEqual([expect.objectContaining({ id: source!.id })]);
  });

  it("adds a source and cites it, cites one from the list once, removes a citation, audited", async () => {
    const activity = await makeActivity(db, { countryCode: null });
    const agreement = await makeAgreement(db, partnershipId);
    const onActivity = { kind: "activity" as const, id: activity.id };
    const source = await createSource(db, actor, {
      publisher: "Antara",
      title: "Mal Pelayanan Publik dibuka",
      titleIsDescriptive: false,
      language: "id",
      publishedOn: "2024-05",
      url: "https://example.org/news",
      quote: "Sebuah kutipan.",
      citeOn: onActivity,
      note: "the opening date",
    });
    expect(source).toMatchObject({ slug: expect.stringMatching(/^app-/), kind: "article", publishedOn: "2024-05" });
    expect(await citedSourcesFor(db, onActivity)).toEqual([
      expect.objectContaining({ id: source!.id, note: "the opening date" }),
    ]);
    const onAgreement = { sourceId: source!.id, subject: { kind: "agreement" as const, id: agreement.id } };
    expect(await citeSource(db, actor, { ...onAgreement, note: null })).toEqual({ cited: true });
    await expect(citeSource(db, actor, { ...onAgreement, note: null })).rejects.toMatchObject({ status: 409 });
    await expect(
      citeSource(db, actor, { sourceId: 2_000_000_000, subject: onAgreement.subject, note: null }),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      await citeSource(db, actor, { ...onAgreement, subject: { kind: "case", id: 2_000_000_000 }, note: null }),
    ).toBeNull();

    // In use: refused, with how many records cite it; once no record does, it may go.
    await expect(deleteSource(db, actor, source!.id)).rejects.toMatchObject({
      status: 409,
      errors: { "": { key: "sources.inUse", values: { count: 2 } } },
    });
    expect(await removeCitation(db, actor, onAgreement)).toBe(true);
    expect(await removeCitation(db, actor, onAgreement)).toBe(false);
    expect(await removeCitation(db, actor, { sourceId: source!.id, subject: onActivity })).toBe(true);
    expect(await deleteSource(db, actor, source!.id)).toBe(true);

    expect((await auditOf("source", source!.id)).map((r) => r.action)).toEqual(["create", "delete"]);
    expect((await auditOf("activity_citations", activity.id)).map((r) => r.action)).toEqual(["cite", "uncite"]);
    expect((await auditOf("agreement_citations", agreement.id)).map((r) => r.action)).toEqual(["cite", "uncite"]);
  });

  it("keeps a seeded record's citations changed in the app when the seed runs again", async () => {
    const [seeded] = await db
      .select({ id: t.citations.subjectId })
      .from(t.citations)
      .where(eq(t.citations.subjectKind, "activity"))
      .limit(1);
    const subject = { kind: "activity" as const, id: seeded!.id };
    const before = await citedSourcesFor(db, subject);
    const [other] = await db.select({ id: t.sources.id }).from(t.sources);
    const extra = before.some((s) => s.id === other!.id) ? before[0]!.id : other!.id;
    if (before.some((s) => s.id === extra)) await removeCitation(db, actor, { sourceId: extra, subject });
    else await citeSource(db, actor, { sourceId: extra, subject, note: "added in the app" });
    const changed = (await citedSourcesFor(db, subject)).map((s) => s.id).sort();

    const stats = await seedContent(db, { demo: false });
    expect((await citedSourcesFor(db, subject)).map((s) => s.id).sort()).toEqual(changed);
    expect(stats.leftAlone).toContainEqual(
      expect.objectContaining({ kind: "activity_citations", key: String(subject.id), reason: "changed" }),
    );
  });
});
