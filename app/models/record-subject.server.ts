import { eq } from "drizzle-orm";
import { activities, agreements, cases } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";
import type { RecordSubject } from "../lib/record-subject";

const tables = { case: cases, activity: activities, agreement: agreements } as const;

/** Whether the record exists: documents and citations are only ever added to one that does. */
export async function subjectExists(tx: Database, subject: RecordSubject): Promise<boolean> {
  return (await subjectTitle(tx, subject)) !== null;
}

/** The record's title (a case's working copy's), or null when there is no such record. */
export async function subjectTitle(db: Database, subject: RecordSubject): Promise<LocalizedText | null> {
  const table = tables[subject.kind];
  const [row] = await db.select({ title: table.title }).from(table).where(eq(table.id, subject.id));
  return row?.title ?? null;
}
