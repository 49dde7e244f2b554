import { bigint, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The dashboard's aggregates over every activity and commitment, kept until something changes.
 * `auditId` is the newest audit row when the snapshot was taken: every change writes one, so a
 * snapshot is current exactly while no newer audit row exists.
 */
export const dashboardSnapshots = pgTable("dashboard_snapshots", {
  key: text("key").primaryKey(),
  auditId: bigint("audit_id", { mode: "number" }).notNull(),
  /** With `auditId`, where the audit log stood (app/models/audit.server.ts). */
  auditRecent: integer("audit_recent").notNull().default(0),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  value: jsonb("value").notNull(),
});
