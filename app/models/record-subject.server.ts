import { eq } from "drizzle-orm";
import { activities, agreements, cases, itineraryItems } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";
import { recordPage, type DocumentSubject, type RecordSubject } from "../lib/record-subject";

const tables = { case: cases, activity: activities, agreement: agreements, itinerary_item: itineraryItems } as const;

/** Whether the record exists: documents and citations are only ever added to one that does. */
export async function subjectExists(tx: Database, subject: DocumentSubject): Promise<boolean> {
  return (await subjectTitle(tx, subject)) !== null;
}

/** The record's title (a case's working copy's), or null when there is no such record. */
export async function subjectTitle(db: Database, subject: DocumentSubject): Promise<LocalizedText | null> {
  const table = tables[subject.kind];
  const [row] = await db.select({ title: table.title }).from(table).where(eq(table.id, subject.id));
  return row?.title ?? null;
}

/**
 * The staff page where the record's documents are managed: a record's own page, an itinerary
 * item's visit's itinerary (/visits/:visitId/itinerary). Null when the item is gone.
 */
export async function subjectPage(db: Database, subject: DocumentSubject): Promise<string | null> {
  if (subject.kind !== "itinerary_item") return recordPage(subject as RecordSubject);
  const [row] = await db
    .select({ visitId: itineraryItems.visitId })
    .from(itineraryItems)
    .where(eq(itineraryItems.id, subject.id));
  return row ? `/visits/${row.visitId}/itinerary` : null;
}
