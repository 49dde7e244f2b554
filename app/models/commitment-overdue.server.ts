import { and, lt, notInArray, type Column, type SQLWrapper } from "drizzle-orm";
import { commitments } from "../../db/schema";
import { type CommitmentStatus } from "../lib/enums";

/** Commitments whose work is over: never overdue. */
const settledStatuses: CommitmentStatus[] = ["complete", "withdrawn"];

/** Open work past its due date; complete and withdrawn commitments are never overdue. */
export function isOverdue(c: { dueOn: string | null; status: CommitmentStatus }, today: string) {
  return !!c.dueOn && c.dueOn < today && !settledStatuses.includes(c.status);
}

/** `isOverdue` as a condition in SQL, on commitments or on a table with their status and due date. */
export const overdueWhere = (today: string | SQLWrapper, columns: { dueOn: Column; status: Column } = commitments) =>
  and(lt(columns.dueOn, today), notInArray(columns.status, settledStatuses))!;
