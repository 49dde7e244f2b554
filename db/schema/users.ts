import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roles, userTokenPurposes } from "../../app/lib/enums";
import { editable } from "./columns";
import { organizations } from "./organizations";

export const role = pgEnum("role", roles);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: role("role").notNull().default("viewer"),
    locale: text("locale"),
    timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
    /**
     * Where the user works, hence their country and the side of a partnership they speak for
     * (a side's confirmation of a commitment). Null: no side, so they confirm for none.
     */
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Mixed into the user's calendar-feed token; replacing it invalidates the old feed address. */
    calendarKey: text("calendar_key")
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    /** Email the user may turn off on /account; on until they do. */
    remindActivities: boolean("remind_activities").notNull().default(true),
    remindCommitments: boolean("remind_commitments").notNull().default(true),
    remindFollowUps: boolean("remind_follow_ups").notNull().default(true),
    /** A notice when a visitor asks for a knowledge-sharing session (editors and admins only). */
    notifyEnquiries: boolean("notify_enquiries").notNull().default(true),
    weeklyDigest: boolean("weekly_digest").notNull().default(true),
    ...editable(),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(sql`lower(${t.email})`),
    index("users_organization_idx").on(t.organizationId),
  ],
);

/** The cookie carries a random token; only its hash is stored, so a leaked table opens nothing. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const userTokenPurpose = pgEnum("user_token_purpose", userTokenPurposes);

/**
 * A single-use link sent by email (an invitation, a password reset). Like a session, only the
 * token's hash is stored; a token is good until it expires, is used, or is revoked.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** Who asked for it: the inviting admin; null for a reset the user asked for. */
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("user_tokens_hash_idx").on(t.tokenHash),
    index("user_tokens_user_idx").on(t.userId, t.purpose),
    // The admin's list of invitations still open, newest first.
    index("user_tokens_open_invitations_idx")
      .on(t.createdAt.desc())
      .where(sql`${t.purpose} = 'invitation' and ${t.usedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** Fixed-window counters shared by every app server (sign-in attempts per account and address). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull().default(0),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});

/** Values the app generates once and every server must share, e.g. a session secret in demo mode. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const usersRelations = relations(users, ({ many }) => ({ sessions: many(sessions) }));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type UserToken = typeof userTokens.$inferSelect;
