// What a case, activity or agreement page shows of its documents and sources, read together.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { documentChoicesLimit, type RecordSubject } from "../lib/record-subject";
import type { AttachedDocument } from "./attachments.server";
import { preparedOnce } from "./prepared.server";
import type { CitedSource, SourceChoice } from "./source-choices.server";

/**
 * The record's documents and cited sources, and for editors the sources they may cite and the
 * latest documents they may attach (those the record does not carry yet; with `documentSearch`,
 * those whose title or file name holds it): one
 * statement (three small look-ups as queries of their own would cost a record page three round
 * trips), built once per database handle.
 */
export async function referencesOf(
  db: Database,
  subject: RecordSubject,
  canEdit: boolean,
  /** Words the documents offered must hold in their title or file name (lib/record-subject.ts). */
  documentSearch: string | null = null,
) {
  const [row] = await preparedOnce(db, "record_references", () => referencesQuery(db)).execute({
    kind: subject.kind,
    id: subject.id,
    canEdit,
    documentSearch,
  });
  return {
    subject,
    documents: row?.documents ?? [],
    sources: row?.sources ?? [],
    choices: canEdit ? (row?.choices ?? []) : null,
    documentChoices: canEdit ? (row?.documentChoices ?? []) : null,
    documentSearch: canEdit ? documentSearch : null,
    canEdit,
  };
}

export type RecordReferences = Awaited<ReturnType<typeof referencesOf>>;

function referencesQuery(db: Database) {
  const kind = sql`${sql.placeholder("kind")}::citable_kind`;
  const id = sql.placeholder("id");
  const search = sql.placeholder("documentSearch");
  // Written as plain SQL: outside a FROM of their tables, drizzle leaves the columns unqualified.
  return db
    .select({
      documents: sql<AttachedDocument[] | null>`(
        select json_agg(json_build_object('id', d.id, 'fileName', d.file_name, 'title', d.title,
          'mediaType', d.media_type, 'byteSize', d.byte_size) order by a.created_at, d.id)
        from attachments a join documents d on d.id = a.document_id
        where a.subject_kind = ${kind} and a.subject_id = ${id})`,
      sources: sql<CitedSource[] | null>`(
        select json_agg(json_build_object('id', s.id, 'publisher', s.publisher, 'title', s.title,
          'titleIsDescriptive', s.title_is_descriptive, 'language', s.language, 'url', s.url,
          'publishedOn', s.published_on, 'quote', s.quote, 'note', c.note) order by s.published_on, s.id)
        from citations c join sources s on s.id = c.source_id
        where c.subject_kind = ${kind} and c.subject_id = ${id})`,
      choices: sql<SourceChoice[] | null>`(
        select json_agg(json_build_object('id', s.id, 'publisher', s.publisher, 'title', s.title,
          'publishedOn', s.published_on) order by s.publisher, s.title, s.id)
        from sources s where ${sql.placeholder("canEdit")}::boolean)`,
      documentChoices: sql<AttachedDocument[] | null>`(
        select json_agg(json_build_object('id', d.id, 'fileName', d.file_name, 'title', d.title,
          'mediaType', d.media_type, 'byteSize', d.byte_size) order by d.created_at desc, d.id desc)
        from (select * from documents d
              where ${sql.placeholder("canEdit")}::boolean and (${search}::text is null
                or strpos(lower(coalesce(d.title, '') || ' ' || d.file_name), lower(${search}::text)) > 0)
              and not exists (
                select 1 from attachments a
                where a.document_id = d.id and a.subject_kind = ${kind} and a.subject_id = ${id})
              order by d.created_at desc, d.id desc limit ${sql.raw(String(documentChoicesLimit))}) as d)`,
    })
    .from(sql`(select 1) as one`)
    .prepare("record_references");
}
