/**
 * The records that carry documents and cite sources from the app: a case, an activity or an
 * agreement, named by kind and id (the `subject_kind`, `subject_id` of attachments and citations).
 */
export const recordKinds = ["case", "activity", "agreement"] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface RecordSubject {
  kind: RecordKind;
  id: number;
}

const pages: Record<RecordKind, string> = { case: "cases", activity: "activities", agreement: "agreements" };

/** The staff page of the record, where its documents and sources are managed. */
export const recordPage = (subject: RecordSubject) => `/${pages[subject.kind]}/${subject.id}`;
