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

/**
 * What documents are attached to: the records above and an item of a visit's itinerary
 * (`itinerary_item`, the `citable_kind` enum's value). Citations stay with the records above.
 */
export const documentKinds = [...recordKinds, "itinerary_item"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentSubject {
  kind: DocumentKind;
  id: number;
}

/** Who may attach a document to, or take one off, each kind: editors, for all of them. */
export const attachRole: Record<DocumentKind, "editor" | "admin"> = {
  case: "editor",
  activity: "editor",
  agreement: "editor",
  itinerary_item: "editor",
};

/**
 * Whether a visitor without an account may ever read a document attached to the kind: only a
 * published case's (documents.server.ts decides which); an itinerary's documents are staff-only.
 */
export const mayBePublic = (kind: DocumentKind) => kind === "case";

/** A same-site path to go back to: one "/" first, never "//" or "/\\" (another site); else null. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if ([...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return null;
  return value;
}

/** How many of the latest uploaded documents a record page offers to attach. */
export const documentChoicesLimit = 100;

/** The record page's address parameter that narrows the documents offered to attach. */
export const documentSearchParam = "documents";

/** What the address asks of the documents to attach (words of a title or file name), or null. */
export function documentSearchOf(request: Request): string | null {
  const value = new URL(request.url).searchParams.get(documentSearchParam)?.trim().slice(0, 100);
  return value || null;
}
