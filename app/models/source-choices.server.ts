// The sources a record page lists (with each citation's note) and the ones its form may cite.
import { and, asc, eq } from "drizzle-orm";
import { citations, sources } from "../../db/schema";
import type { Database } from "../../db/client";
import type { SourceInfo } from "../lib/source-info";
import type { RecordSubject } from "../lib/record-subject";

export interface CitedSource extends SourceInfo {
  id: number;
  note: string | null;
}

/** What a reader sees of a source (SourceInfo), as a select's columns. */
export const sourceInfoColumns = {
  publisher: sources.publisher,
  title: sources.title,
  titleIsDescriptive: sources.titleIsDescriptive,
  language: sources.language,
  url: sources.url,
  publishedOn: sources.publishedOn,
  quote: sources.quote,
};

/** The sources a record cites, oldest first, each with the citation's note. */
export function citedSourcesFor(db: Database, subject: RecordSubject): Promise<CitedSource[]> {
  return db
    .select({
      id: sources.id,
      ...sourceInfoColumns,
      note: citations.note,
    })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(and(eq(citations.subjectKind, subject.kind), eq(citations.subjectId, subject.id)))
    .orderBy(asc(sources.publishedOn), asc(sources.id));
}

export interface SourceChoice {
  id: number;
  publisher: string;
  title: string;
  publishedOn: string | null;
}

/** Every source, for the choice of one to cite: by publisher, then newest first. */
export function sourceChoices(db: Database): Promise<SourceChoice[]> {
  return db
    .select({ id: sources.id, publisher: sources.publisher, title: sources.title, publishedOn: sources.publishedOn })
    .from(sources)
    .orderBy(asc(sources.publisher), asc(sources.title), asc(sources.id));
}
