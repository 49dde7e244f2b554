// What a case, activity or agreement page shows of its documents and sources, read together.
import type { Database } from "../../db/client";
import type { RecordSubject } from "../lib/record-subject";
import { attachmentsFor } from "./attachments.server";
import { citedSourcesFor, sourceChoices } from "./source-choices.server";

/** The record's documents and cited sources, and for editors the sources they may cite. */
export async function referencesOf(db: Database, subject: RecordSubject, canEdit: boolean) {
  const [documents, sources, choices] = await Promise.all([
    attachmentsFor(db, subject),
    citedSourcesFor(db, subject),
    canEdit ? sourceChoices(db) : null,
  ]);
  return { subject, documents, sources, choices, canEdit };
}

export type RecordReferences = Awaited<ReturnType<typeof referencesOf>>;
