import type { RecordSubject } from "../lib/record-subject";
import type { DocumentItem } from "./attachments";
import { Attachments } from "./record-attachments";
import { RecordSources, type CitedSourceItem, type SourceChoiceItem } from "./record-sources";

/**
 * A record page's sources and documents, one insert for the case, activity and agreement pages:
 * the loader returns `recordReferences(db, subject, canEdit)` (app/models/record-references.server.ts)
 * and the page renders this with it.
 */
export function RecordReferences({
  references: r,
}: {
  references: {
    subject: RecordSubject;
    documents: DocumentItem[];
    sources: CitedSourceItem[];
    choices: SourceChoiceItem[] | null;
    documentChoices: DocumentItem[] | null;
    documentSearch: string | null;
    canEdit: boolean;
  };
}) {
  return (
    <>
      <RecordSources subject={r.subject} sources={r.sources} choices={r.choices} canEdit={r.canEdit} />
      <Attachments
        subject={r.subject}
        documents={r.documents}
        choices={r.documentChoices}
        choiceSearch={r.documentSearch}
        canEdit={r.canEdit}
      />
    </>
  );
}
