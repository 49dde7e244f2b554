// How far an agreement's commitments have come: counts by status, progress, overdue and confirmed.
import { count, eq, inArray, sql } from "drizzle-orm";
import { commitmentConfirmations, commitments, partnershipCountries } from "../../db/schema";
import { commitmentStatuses, type CommitmentStatus } from "../lib/enums";
import type { Database } from "../../db/client";
import { overdueWhere } from "./commitment-overdue.server";

export type StatusCounts = Partial<Record<CommitmentStatus, number>>;

/** Commitment counts by status for each agreement, in one grouped query. */
export async function commitmentCountsByAgreement(db: Database, agreementIds?: number[]) {
  const rows = await db
    .select({ agreementId: commitments.agreementId, status: commitments.status, n: count() })
    .from(commitments)
    .where(agreementIds ? inArray(commitments.agreementId, agreementIds) : undefined)
    .groupBy(commitments.agreementId, commitments.status);
  const counts = new Map<number, StatusCounts>();
  for (const r of rows) {
    const c = counts.get(r.agreementId) ?? {};
    c[r.status] = Number(r.n);
    counts.set(r.agreementId, c);
  }
  return counts;
}

export interface Progress {
  total: number;
  /** Commitments still expected: all but the withdrawn ones. */
  active: number;
  complete: number;
  percent: number;
}

/** "n of m complete": withdrawn commitments no longer count towards m. */
export function progressOf(counts: StatusCounts): Progress {
  const total = commitmentStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const active = total - (counts.withdrawn ?? 0);
  const complete = counts.complete ?? 0;
  return { total, active, complete, percent: active ? Math.round((complete * 100) / active) : 0 };
}

/**
 * Of an agreement's commitments, how many are overdue and how many are complete and confirmed by
 * every side of the partnership: one aggregate over all of them.
 */
export async function overdueAndConfirmed(db: Database, agreementId: number, partnershipId: number, today: string) {
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${partnershipId})`;
  const confirmedSides = sql`(
    select count(distinct ${commitmentConfirmations.countryCode}) from ${commitmentConfirmations}
    join ${partnershipCountries} on ${partnershipCountries.countryCode} = ${commitmentConfirmations.countryCode}
      and ${partnershipCountries.partnershipId} = ${partnershipId}
    where ${commitmentConfirmations.commitmentId} = ${commitments.id})`;
  const [row] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})`,
      fullyConfirmed: sql<number>`count(*) filter (where ${commitments.status} = 'complete' and ${sideCount} > 0 and ${confirmedSides} = ${sideCount})`,
    })
    .from(commitments)
    .where(eq(commitments.agreementId, agreementId));
  return { overdue: Number(row?.overdue ?? 0), fullyConfirmed: Number(row?.fullyConfirmed ?? 0) };
}
