// How far an agreement's commitments have come: counts by status, progress, overdue and confirmed.
import { and, count, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
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
 * An agreement's commitments counted by status, how many are overdue, and how many are complete
 * and confirmed by every side of the partnership, as columns of a query that has the agreement at
 * hand (the agreement page's head query): counted from the index on (agreement, status, due date)
 * without reading the commitments themselves.
 */
export function tallyColumns(
  db: Database,
  at: { agreementId: SQLWrapper; partnershipId: SQLWrapper; today: SQLWrapper },
) {
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${at.partnershipId})`;
  // Counted from the confirmations, which are few, rather than by a look-up per complete
  // commitment: on an agreement of 5,000 commitments that was a thousand subqueries a page view.
  const confirmedCommitments = db
    .select({ id: commitmentConfirmations.commitmentId })
    .from(commitmentConfirmations)
    .innerJoin(commitments, eq(commitments.id, commitmentConfirmations.commitmentId))
    .innerJoin(
      partnershipCountries,
      and(
        eq(partnershipCountries.countryCode, commitmentConfirmations.countryCode),
        eq(partnershipCountries.partnershipId, at.partnershipId),
      ),
    )
    .where(and(eq(commitments.agreementId, at.agreementId), eq(commitments.status, "complete")))
    .groupBy(commitmentConfirmations.commitmentId)
    .having(sql`count(distinct ${commitmentConfirmations.countryCode}) = ${sideCount}`);
  // Counts by status and the overdue count in one pass over the index on (agreement, status, due
  // date): two subqueries read the agreement's index range twice.
  return {
    statusCounts: sql<{ counts: Record<string, number> | null; overdue: number | null }>`(
      select json_build_object('counts', json_object_agg(by_status.status, by_status.n),
        'overdue', sum(by_status.overdue))
      from (select ${commitments.status} as status, count(*) as n,
          count(*) filter (where ${overdueWhere(at.today)}) as overdue
        from ${commitments} where ${commitments.agreementId} = ${at.agreementId}
        group by ${commitments.status}) as by_status)`,
    fullyConfirmed: sql<number>`(select count(*) from (${confirmedCommitments}) as confirmed)`,
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
