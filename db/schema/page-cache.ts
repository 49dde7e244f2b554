import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Rendered responses of the read-heavy staff pages (lists, dashboard, exports), per user and
 * address, kept while nothing has changed: `auditId` and `auditRecent` say where the audit log
 * stood when the page was rendered (app/models/audit.server.ts), and every change writes an audit
 * row. In PostgreSQL, so every app server shares them.
 */
export const pageCache = pgTable(
  "page_cache",
  {
    key: text("key").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    auditId: bigint("audit_id", { mode: "number" }).notNull(),
    auditRecent: integer("audit_recent").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: integer("status").notNull(),
    headers: jsonb("headers").$type<[string, string][]>().notNull(),
    /** The CSP nonce the page was rendered with, replaced by each response's own. */
    nonce: text("nonce"),
    body: text("body").notNull(),
  },
  (table) => [
    index("page_cache_expires_idx").on(table.expiresAt),
    index("page_cache_user_idx").on(table.userId, table.expiresAt),
  ],
);

export type CachedPage = typeof pageCache.$inferSelect;
