import { and, eq, gt, lt } from "drizzle-orm";
import { dashboardSnapshots } from "../../db/schema";
import type { Database } from "../../db/client";
import { dataVersion, type DataVersion } from "./data-version.server";
import { dashboardClock, getDashboard, type Dashboard } from "./dashboard.server";

// Sections such as "the next 30 days" move with the clock even when no record changes.
export const snapshotMaxAgeMs = 5 * 60 * 1000;

/** Dates come back from jsonb as strings; the dashboard's instants are the fields named …At. */
function revive(value: unknown): Dashboard {
  return JSON.parse(JSON.stringify(value), (key, v) =>
    key.endsWith("At") && typeof v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? new Date(v) : v,
  ) as Dashboard;
}

/**
 * The dashboard from its snapshot when nothing has changed since it was taken (one indexed
 * look-up), else computed afresh and stored. Snapshots live in PostgreSQL, so every app server
 * shares them, and are per time zone and day, since "today" depends on both. `version` is the
 * data version the request already read (the page's ETag), which saves reading it again; it must
 * have been read before computing, so that a change made meanwhile makes the snapshot stale at once.
 */
export async function getDashboardSnapshot(
  db: Database,
  now: Date,
  timeZone: string,
  version?: DataVersion,
): Promise<Dashboard> {
  const key = `${timeZone}|${dashboardClock(now, timeZone).today}`;
  const current = version ?? (await dataVersion(db));
  const oldest = new Date(now.getTime() - snapshotMaxAgeMs);
  const [cached] = await db
    .select({ value: dashboardSnapshots.value })
    .from(dashboardSnapshots)
    .where(
      and(
        eq(dashboardSnapshots.key, key),
        eq(dashboardSnapshots.auditId, current.auditId),
        eq(dashboardSnapshots.auditRecent, current.auditRecent),
        gt(dashboardSnapshots.computedAt, oldest),
      ),
    );
  if (cached) return revive(cached.value);

  const dashboard = await getDashboard(db, now, timeZone);
  const row = { key, ...current, computedAt: now, value: dashboard };
  const { key: _key, ...changes } = row;
  await db.insert(dashboardSnapshots).values(row).onConflictDoUpdate({ target: dashboardSnapshots.key, set: changes });
  // Snapshots past their time are never served again.
  await db.delete(dashboardSnapshots).where(lt(dashboardSnapshots.computedAt, oldest));
  return dashboard;
}
