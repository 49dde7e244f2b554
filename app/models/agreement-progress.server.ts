// How far an agreement's commitments have come: counts by status, progress, overdue and confirmed.
import { inArray, sql, type SQLWrapper } from "drizzle-orm";
import { commitments, commitmentTallies, partnershipCountries } from "../../db/schema";
import { commitmentStatuses, type CommitmentStatus } from "../lib/enums";
import type { Database } from "../../db/client";
import { overdueWhere } from "./commitment-overdue.server";

export type StatusCounts = Partial<Record<CommitmentStatus, number>>;

/** Commitment counts by status for each agreement, from their tallies in one grouped query. */
export async function commitmentCountsByAgreement(db: Database, agreementIds?: number[]) {
  const rows = await db
    .select({
      agreementId: commitmentTallies.agreementId,
      status: commitmentTallies.status,
      n: sql<string>`sum(${commitmentTallies.n})`,
    })
    .from(commitmentTallies)
    .where(agreementIds ? inArray(commitmentTallies.agreementId, agreementIds) : undefined)
    .groupBy(commitmentTallies.agreementId, commitmentTallies.status);
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
 * An agreement's commitments counted by status, how many are overdue, and how many are complete
 * and confirmed by every side of the partnership, as columns of a query that has the agreement at
 * hand (the agreement page's head query). Counts and overdue add up the agreement's tallies, a row
 * per status and due date, rather than counting its commitments.
 */
export function tallyColumns(at: { agreementId: SQLWrapper; partnershipId: SQLWrapper; today: SQLWrapper }) {
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${at.partnershipId})`;
  // Counts by status and the overdue count in one pass over the agreement's tallies.
  const tally = commitmentTallies;
  return {
    statusCounts: sql<{ counts: Record<string, number> | null; overdue: number | null }>`(
      select json_build_object('counts', json_object_agg(by_status.status, by_status.n),
        'overdue', sum(by_status.overdue))
      from (select ${tally.status} as status, sum(${tally.n}) as n,
          coalesce(sum(${tally.n}) filter (where ${overdueWhere(at.today, tally)}), 0) as overdue
        from ${tally} where ${tally.agreementId} = ${at.agreementId}
        group by ${tally.status}) as by_status)`,
    // Each commitment counts its sides' confirmations (commitments.confirmed_sides, kept by a
    // trigger; a side confirms only for itself): an index count, where grouping every confirmation
    // of a mature plan (2,000 on the benchmark's) cost 1.5 ms a view.
    fullyConfirmed: sql<number>`(select count(*) from ${commitments}
      where ${commitments.agreementId} = ${at.agreementId} and ${commitments.status} = 'complete'
        and ${commitments.confirmedSides} >= ${sideCount} and ${sideCount} > 0)`,
  };
}

/** The tally as the page uses it, from the columns `tallyColumns` added. */
export function readTally(row: {
  statusCounts: { counts: Record<string, number> | null; overdue: number | null };
  fullyConfirmed: number;
}) {
  const counts: StatusCounts = {};
  for (const [status, n] of Object.entries(row.statusCounts.counts ?? {}))
    counts[status as CommitmentStatus] = Number(n);
  return { counts, overdue: Number(row.statusCounts.overdue ?? 0), fullyConfirmed: Number(row.fullyConfirmed) };
}
