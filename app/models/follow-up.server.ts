// A visit's follow-up as the model writes it and as the audit log keeps it.
import type { FollowUp } from "../../db/schema";
import type { FollowUpStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";

/** What an editor sets on a follow-up. */
export interface FollowUpInput {
  title: LocalizedText;
  ownerId: number;
  /** A calendar date, 'YYYY-MM-DD'. */
  dueOn: string;
  status: FollowUpStatus;
  commitmentIds: number[];
}

/** A stored follow-up with the commitments it serves: what a conflict shows as "theirs". */
export type FollowUpSnapshot = FollowUpInput & { id: number; visitId: number; version: number };

export function followUpSnapshot(row: FollowUp, commitmentIds: number[]): FollowUpSnapshot {
  return {
    id: row.id,
    visitId: row.visitId,
    title: row.title,
    ownerId: row.ownerId,
    dueOn: row.dueOn,
    status: row.status,
    commitmentIds: [...commitmentIds].sort((a, b) => a - b),
    version: row.version,
  };
}

/** What the audit log keeps of a follow-up: the snapshot, with when it was marked done. */
export function followUpAuditView(row: FollowUp, commitmentIds: number[]) {
  return { ...followUpSnapshot(row, commitmentIds), doneAt: row.doneAt?.toISOString() ?? null };
}
