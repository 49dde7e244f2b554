import { and, eq, gt, lt, sql } from "drizzle-orm";
import { dashboardSnapshots } from "../../db/schema";
import type { Database } from "../../db/client";
import { auditPosition, latestAuditId, recentAuditCount } from "./audit.server";
import { dashboardClock, getDashboard, type Dashboard } from "./dashboard.server";

// Sections such as "the next 30 days" move with the clock even when no record changes.
const maxAgeMs = 5 * 60 * 1000;

/** Dates come back from jsonb as strings; the dashboard's instants are the fields named …At. */
function revive(value: unknown): Dashboard {
  return JSON.parse(JSON.stringify(value), (key, v) =>
    key.endsWith("At") && typeof v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? new Date(v) : v,
  ) as Dashboard;
}

/**
 * The dashboard from its snapshot when nothing has changed since it was taken (one indexed
 * look-up), else computed afresh and stored. Snapshots live in PostgreSQL, so every app server
 * shares them, and are per time zone and day, since "today" depends on both.
 */
export async function getDashboardSnapshot(db: Database, now: Date, timeZone: string): Promise<Dashboard> {
  const key = `${timeZone}|${dashboardClock(now, timeZone).today}`;
  const [cached] = await db
    .select({
      value: dashboardSnapshots.value,
      current: sql<boolean>`${dashboardSnapshots.auditId} = ${latestAuditId} and ${dashboardSnapshots.auditRecent} = ${recentAuditCount}`,
    })
    .from(dashboardSnapshots)
    .where(and(eq(dashboardSnapshots.key, key), gt(dashboardSnapshots.computedAt, new Date(now.getTime() - maxAgeMs))));
  if (cached?.current) return revive(cached.value);

  // Read the audit position first: a change made while computing makes this snapshot stale at once.
  const position = await auditPosition(db);
  const dashboard = await getDashboard(db, now, timeZone);
  const row = { key, ...position, computedAt: now, value: dashboard };
  const { key: _key, ...changes } = row;
  await db.insert(dashboardSnapshots).values(row).onConflictDoUpdate({ target: dashboardSnapshots.key, set: changes });
  // Snapshots past their time are never served again.
  await db.delete(dashboardSnapshots).where(lt(dashboardSnapshots.computedAt, new Date(now.getTime() - maxAgeMs)));
  return dashboard;
}
