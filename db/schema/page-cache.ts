import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rendered responses of the read-heavy staff pages (lists, dashboard, exports), per user and
 * address, kept while nothing has changed: `auditId` is the newest audit row when the page was
 * rendered, and every change writes one. In PostgreSQL, so every app server shares them.
 */
export const pageCache = pgTable(
  "page_cache",
  {
    key: text("key").primaryKey(),
    auditId: bigint("audit_id", { mode: "number" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: integer("status").notNull(),
    headers: jsonb("headers").$type<[string, string][]>().notNull(),
    /** The CSP nonce the page was rendered with, replaced by each response's own. */
    nonce: text("nonce"),
    body: text("body").notNull(),
  },
  (table) => [index("page_cache_expires_idx").on(table.expiresAt)],
);

export type CachedPage = typeof pageCache.$inferSelect;
