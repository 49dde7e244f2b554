import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { mailKinds, mailStatuses } from "../../app/lib/enums";
import { users } from "./users";

export const mailKind = pgEnum("mail_kind", mailKinds);
export const mailStatus = pgEnum("mail_status", mailStatuses);

/**
 * The transactional outbox: every email is a row written in the transaction of the change that
 * causes it, rendered there (so the development mailbox can show it), and sent later by a sender
 * that claims due rows with FOR UPDATE SKIP LOCKED. The row is its own delivery log.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: mailKind("kind").notNull(),
    /** The recipient's account, when they have one; the address is kept as it was when queued. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** Extra headers, e.g. List-Unsubscribe; names and values checked for line breaks when queued. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    /**
     * Set for mail that must be queued at most once, e.g. `activity-reminder:7d:<activity>:<user>`:
     * several schedulers may try, one insert wins.
     */
    dedupeKey: text("dedupe_key"),
    status: mailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: after this the sender is presumed dead and another may reclaim the row. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_outbox_dedupe_idx").on(t.dedupeKey),
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'sending')`),
    index("mail_outbox_status_idx").on(t.status, t.createdAt),
    index("mail_outbox_created_idx").on(t.createdAt),
    index("mail_outbox_user_idx").on(t.userId),
  ],
);

/** Addresses that bounced or complained: notices stop; invitations and resets go with a warning. */
export const mailSuppressions = pgTable("mail_suppressions", {
  /** Lower-cased. */
  address: text("address").primaryKey(),
  reason: text("reason").$type<"bounced" | "complained">().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Webhook deliveries already handled, by the provider's event id, so a redelivery changes nothing. */
export const mailEvents = pgTable("mail_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
