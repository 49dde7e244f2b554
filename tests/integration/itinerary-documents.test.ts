/**
 * Documents on itinerary items (issue 12): attached as to any record, listed by itineraryOf in
 * one query for all items, editors only, and never public. Both drivers.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { detachDocument } from "../../app/models/attachments.server";
import { isPublicDocument, uploadDocument } from "../../app/models/documents.server";
import { itineraryOf } from "../../app/models/itinerary-queries.server";
import { saveItinerary, type ItineraryItemInput } from "../../app/models/itinerary-writes.server";
import { subjectPage } from "../../app/models/record-subject.server";
import { attachRole, mayBePublic, safeReturnPath } from "../../app/lib/record-subject";
import { seedContent } from "../../app/seed/seed-content.server";
import { databaseStore, type DocumentStore } from "../../app/storage/document-store";
import { makeUser, makeVisit } from "../support/model-factories";
import { pdfBytes, pngBytes } from "../support/sample-files";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("documents on itinerary items on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let store: DocumentStore;
  let actor: { userId: number };
  let visitId: number;
  let items: number[];
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
    store = databaseStore(db);
    actor = { userId: (await makeUser(db, { role: "editor" })).id };
    visitId = (await makeVisit(db)).visit.activityId;
    const at = (hour: number) => new Date(Date.UTC(2025, 5, 10, hour));
    const rows = await db
      .insert(t.itineraryItems)
      .values(
        [6, 8, 10].map((hour) => ({
          visitId,
          startsAt: at(hour),
          endsAt: at(hour + 1),
          timeZone: "Asia/Baku",
          title: { en: `Meeting at ${hour}`, id: `Rapat pukul ${hour}` },
        })),
      )
      .returning({ id: t.itineraryItems.id });
    items = rows.map((r) => r.id);
  });
  afterAll(() => test?.close());

  it("attaches a document to an item, and itineraryOf lists each item's own", async () => {
    const subject = { kind: "itinerary_item" as const, id: items[0]! };
    const pdf = await uploadDocument(db, store, actor, {
      fileName: "programme.pdf",
      bytes: pdfBytes(),
      title: "Programme",
      attachTo: subject,
    });
    const png = await uploadDocument(db, store, actor, {
      fileName: "map.png",
      bytes: pngBytes(),
      title: null,
      attachTo: { kind: "itinerary_item", id: items[1]! },
    });
    expect(pdf).toMatchObject({ fileName: "programme.pdf", mediaType: "application/pdf" });
    const itinerary = (await itineraryOf(db, visitId))!;
    const byId = new Map(itinerary.items.map((item) => [item.id, item.documents]));
    expect(byId.get(items[0]!)).toEqual([expect.objectContaining({ id: pdf!.id, title: "Programme" })]);
    expect(byId.get(items[1]!)).toEqual([expect.objectContaining({ id: png!.id, fileName: "map.png" })]);
    expect(byId.get(items[2]!)).toEqual([]);
    // Back to the visit's itinerary after an upload or removal.
    expect(await subjectPage(db, subject)).toBe(`/visits/${visitId}/itinerary`);
    expect(
      await detachDocument(db, store, actor, {
        documentId: png!.id,
        subject: { kind: "itinerary_item", id: items[1]! },
      }),
    ).toBe(true);
    expect((await itineraryOf(db, visitId))!.items.find((i) => i.id === items[1])!.documents).toEqual([]);
  });

  it("refuses an item that does not exist", async () => {
    const gone = await uploadDocument(db, store, actor, {
      fileName: "x.pdf",
      bytes: pdfBytes(),
      title: null,
      attachTo: { kind: "itinerary_item", id: 999_999 },
    });
    expect(gone).toBeNull();
    expect(await subjectPage(db, { kind: "itinerary_item", id: 999_999 })).toBeNull();
  });

  it("is staff-only: editors attach, a visitor never downloads", async () => {
    expect(attachRole.itinerary_item).toBe("editor");
    expect(mayBePublic("itinerary_item")).toBe(false);
    const stored = await uploadDocument(db, store, actor, {
      fileName: "list.pdf",
      bytes: pdfBytes(),
      title: null,
      attachTo: { kind: "itinerary_item", id: items[2]! },
    });
    expect(await isPublicDocument(db, stored!.id)).toBe(false);
  });

  it("takes an item's documents with it when a save leaves the item out", async () => {
    const { visit, activity } = await makeVisit(db);
    const item = (hour: number): ItineraryItemInput => ({
      id: null,
      startsAt: new Date(activity.startsAt.getTime() + hour * 3_600_000),
      endsAt: new Date(activity.startsAt.getTime() + (hour + 1) * 3_600_000),
      timeZone: "Asia/Baku",
      title: { en: `Item at ${hour}` },
      agenda: null,
      placeName: null,
      address: null,
      hostOrganizationId: null,
      transport: null,
      allMembers: true,
      memberIds: [],
      caseIds: [],
    });
    const saved = (await saveItinerary(db, actor, {
      visitId: visit.activityId,
      version: 1,
      items: [item(1), item(3)],
    }))!;
    const [gone, kept] = saved.items.map((i) => i.id);
    const doc = await uploadDocument(db, store, actor, {
      fileName: "gone.pdf",
      bytes: pdfBytes(),
      title: null,
      attachTo: { kind: "itinerary_item", id: gone! },
    });
    const keptItem = { ...item(3), id: kept! };
    await saveItinerary(db, actor, { visitId: visit.activityId, version: 2, items: [keptItem] });
    const left = await db.select().from(t.attachments).where(eq(t.attachments.documentId, doc!.id));
    expect(left).toEqual([]);
    expect(await db.select().from(t.documents).where(eq(t.documents.id, doc!.id))).toEqual([]);
  });

  it("goes back only to a same-site path", () => {
    expect(safeReturnPath("/visits/3/report")).toBe("/visits/3/report");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "visits/3",
      "",
      undefined,
      "/a\nb",
    ]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
