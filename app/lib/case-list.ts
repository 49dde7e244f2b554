// What the staff case list and page share with the server: the list's sorts and page size, and
// when a case's working copy is a revision the public does not see yet.
import type { CaseStatus } from "./enums";

export const caseSorts = ["updated", "title"] as const;
export type CaseSort = (typeof caseSorts)[number];
export const casePageSize = 25;

/** A published case whose working copy is being revised: the public still reads the publication. */
export const isRevision = (status: CaseStatus, publishedVersion: number | null | undefined) =>
  publishedVersion != null && (status === "draft" || status === "in_review");
