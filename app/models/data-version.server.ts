import { sql } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Database } from "../../db/client";
import { preparedOnce } from "./prepared.server";

/**
 * Where the data stands, for the caches that must notice any change: the dashboard's snapshot
 * (dashboard-snapshot.server.ts) and the ETags of the staff pages (lib/http-cache.server.ts).
 *
 * The audit log serves as the version because every change writes an audit row in the
 * transaction that makes it (docs/decisions/0007-audit-every-write.md): a write that skipped it
 * would leave both caches serving what it changed until the next audited write.
 */
export interface DataVersion {
  /** The newest audit row's id. */
  auditId: number;
  /**
   * How many of the last thousand audit ids exist. Ids are handed out when rows are written, not
   * when their transactions commit, so a change that commits after a later one leaves the newest
   * id as it was; it does add a row among the recent ones.
   */
  auditRecent: number;
}

const recentWindow = 1000;
const latestAuditId = sql<string>`(select coalesce(max(${auditLog.id}), 0) from ${auditLog})`;
const recentAuditCount = sql<string>`(select count(*) from ${auditLog} where ${auditLog.id} > ${latestAuditId} - ${recentWindow})`;

/** The version as columns of a select, for a query that reads it along with something else. */
export const dataVersionColumns = { auditId: latestAuditId, auditRecent: recentAuditCount };

/** The version from those columns' values. */
export function readDataVersion(row: { auditId: string | number; auditRecent: string | number }): DataVersion {
  return { auditId: Number(row.auditId), auditRecent: Number(row.auditRecent) };
}

/**
 * Two index scans (the newest id, and the ids among the last thousand): equal versions mean no
 * change committed in between. Read on every view of
 * the cached pages, so built once per database handle; a signed-in person's session look-up reads
 * it too (session.server.ts), so their pages need no look-up of their own.
 */
export async function dataVersion(db: Database): Promise<DataVersion> {
  const [row] = await preparedOnce(db, "data_version", () =>
    db
      .select(dataVersionColumns)
      .from(sql`(select 1) as one`)
      .prepare("data_version"),
  ).execute();
  return row ? readDataVersion(row) : { auditId: 0, auditRecent: 0 };
}
