import { relations } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  delegationRoles,
  followUpStatuses,
  travelModes,
  visitDirections,
  visitLinkPurposes,
  visitSides,
  visitStages,
} from "../../app/lib/enums";
import { activities } from "./activities";
import { commitments } from "./agreements";
import { cases } from "./cases";
import { editable, localized } from "./columns";
import { organizations, people } from "./organizations";
import { users } from "./users";

export const visitDirection = pgEnum("visit_direction", visitDirections);
export const visitStage = pgEnum("visit_stage", visitStages);
export const visitSide = pgEnum("visit_side", visitSides);
export const delegationRole = pgEnum("delegation_role", delegationRoles);
export const travelMode = pgEnum("travel_mode", travelModes);
export const followUpStatus = pgEnum("follow_up_status", followUpStatuses);

/**
 * A visit is an activity of type visit with more: the activity row keeps its title, dates,
 * place, organisers, commitments and lessons learned (the report's lessons), so lists, exports
 * and calendars keep finding visits as activities. The parts edited on their own pages
 * (delegation, itinerary) carry their own version, so two editors working on different parts do
 * not conflict, and two on the same part do.
 */
export const visits = pgTable("visits", {
  activityId: integer("activity_id")
    .primaryKey()
    .references(() => activities.id, { onDelete: "cascade" }),
  direction: visitDirection("direction").notNull(),
  hostOrganizationId: integer("host_organization_id").references(() => organizations.id),
  /** Every city on the route, in order; the activity's city is the first. */
  cities: text("cities")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The IANA zone of the place visited: the itinerary's default and the times shown first. */
  timeZone: text("time_zone").notNull(),
  objectives: localized("objectives"),
  stage: visitStage("stage").notNull().default("planning"),
  // Rich text as everywhere else: the editor's JSON, and the sanitized HTML and text made at save.
  talkingPointsJson: jsonb("talking_points_json"),
  talkingPointsHtml: text("talking_points_html"),
  talkingPointsText: text("talking_points_text"),
  backgroundJson: jsonb("background_json"),
  backgroundHtml: text("background_html"),
  backgroundText: text("background_text"),
  /** The report's outcomes; its lessons learned are the activity's own lessons. */
  outcomesJson: jsonb("outcomes_json"),
  outcomesHtml: text("outcomes_html"),
  outcomesText: text("outcomes_text"),
  /** Set when an editor marks the report written; a visit is done only after it. */
  reportWrittenAt: timestamp("report_written_at", { withTimezone: true }),
  /** When the briefing pack was last issued (sent to the members, or marked ready). */
  briefingIssuedAt: timestamp("briefing_issued_at", { withTimezone: true }),
  delegationVersion: integer("delegation_version").notNull().default(1),
  itineraryVersion: integer("itinerary_version").notNull().default(1),
  ...editable(),
});

/**
 * A person on a visit: one of the delegation, or a host-side counterpart. Their organisation and
 * title are not copied here; they are read from the person's positions on the visit's date.
 * Dietary, access and interpretation needs are personal: only the visit's editors and the member
 * see them.
 */
export const visitMembers = pgTable(
  "visit_members",
  {
    id: serial("id").primaryKey(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.activityId, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    side: visitSide("side").notNull().default("delegation"),
    role: delegationRole("role").notNull().default("member"),
    /** The order the delegation is listed in: the head first, as protocol expects. */
    position: integer("position").notNull().default(0),
    arrivalMode: travelMode("arrival_mode"),
    /** Flight or train number, or how else they come. */
    arrivalRef: text("arrival_ref"),
    arrivalAt: timestamp("arrival_at", { withTimezone: true }),
    departureMode: travelMode("departure_mode"),
    departureRef: text("departure_ref"),
    departureAt: timestamp("departure_at", { withTimezone: true }),
    hotel: text("hotel"),
    interpretationNeeds: text("interpretation_needs"),
    dietaryNeeds: text("dietary_needs"),
    accessNeeds: text("access_needs"),
  },
  (t) => [
    uniqueIndex("visit_members_person_idx").on(t.visitId, t.personId),
    index("visit_members_person_visits_idx").on(t.personId),
  ],
);

/**
 * One item of a visit's programme. Times are instants (UTC) with the zone of the place they
 * happen in, so a day in Baku reads in Baku time and the other side's time sits beside it.
 */
export const itineraryItems = pgTable(
  "itinerary_items",
  {
    id: serial("id").primaryKey(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.activityId, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    title: localized("title").notNull(),
    agenda: localized("agenda"),
    placeName: text("place_name"),
    address: text("address"),
    hostOrganizationId: integer("host_organization_id").references(() => organizations.id, {
      onDelete: "set null",
    }),
    /** How the members get here from the item before. */
    transport: text("transport"),
    /** True: every member attends; false: only those in itinerary_item_members. */
    allMembers: boolean("all_members").notNull().default(true),
  },
  (t) => [
    index("itinerary_items_visit_idx").on(t.visitId, t.startsAt),
    check("itinerary_items_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const itineraryItemMembers = pgTable(
  "itinerary_item_members",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => itineraryItems.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => visitMembers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] }), index("itinerary_item_members_member_idx").on(t.memberId)],
);

/** Library cases an item visits or discusses (a site visit to ASAN Xidmat, an MPP). */
export const itineraryItemCases = pgTable(
  "itinerary_item_cases",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => itineraryItems.id, { onDelete: "cascade" }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.caseId] }), index("itinerary_item_cases_case_idx").on(t.caseId)],
);

/** An action promised during or after a visit, owned by a user, tracked to done. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: serial("id").primaryKey(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.activityId, { onDelete: "cascade" }),
    title: localized("title").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    dueOn: date("due_on").notNull(),
    status: followUpStatus("status").notNull().default("open"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** Part of the demo's example scenario, not of the sourced record. */
    example: boolean("example").notNull().default(false),
    ...editable(),
  },
  (t) => [
    index("follow_ups_visit_idx").on(t.visitId),
    // The owner's account page and reminders: their open items by due date.
    index("follow_ups_owner_idx").on(t.ownerId, t.status, t.dueOn),
    // The dashboard: open items due soon or overdue.
    index("follow_ups_due_idx").on(t.status, t.dueOn),
  ],
);

export const followUpCommitments = pgTable(
  "follow_up_commitments",
  {
    followUpId: integer("follow_up_id")
      .notNull()
      .references(() => followUps.id, { onDelete: "cascade" }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.followUpId, t.commitmentId] }),
    index("follow_up_commitments_commitment_idx").on(t.commitmentId),
  ],
);

export const visitLinkPurpose = pgEnum("visit_link_purpose", visitLinkPurposes);

/**
 * A secret link into one visit that works without a session (decision 21): a calendar
 * subscription made by a signed-in user (`user_id`) or for a member, or a delegation member's own
 * briefing. Like user_tokens, only the token's hash is stored; a link is good until it expires
 * (null: until revoked), is revoked, or its member, user or visit is gone.
 */
export const visitLinks = pgTable(
  "visit_links",
  {
    id: serial("id").primaryKey(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.activityId, { onDelete: "cascade" }),
    /** Whose programme or briefing: a delegation member; null for the whole visit's calendar. */
    memberId: integer("member_id").references(() => visitMembers.id, { onDelete: "cascade" }),
    /** The account that holds the link (a calendar subscription); null for a member's own link. */
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    purpose: visitLinkPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("visit_links_hash_idx").on(t.tokenHash),
    // The briefing page's "your links" and revoking a holder's older link.
    index("visit_links_holder_idx").on(t.visitId, t.purpose, t.memberId, t.userId),
    check("visit_links_holder", sql`${t.userId} is not null or ${t.memberId} is not null`),
    check("visit_links_briefing_member", sql`${t.purpose} <> 'briefing' or ${t.memberId} is not null`),
  ],
);

export const visitsRelations = relations(visits, ({ one, many }) => ({
  activity: one(activities, { fields: [visits.activityId], references: [activities.id] }),
  hostOrganization: one(organizations, { fields: [visits.hostOrganizationId], references: [organizations.id] }),
  members: many(visitMembers),
  items: many(itineraryItems),
  followUps: many(followUps),
}));

export type Visit = typeof visits.$inferSelect;
export type VisitMember = typeof visitMembers.$inferSelect;
export type ItineraryItem = typeof itineraryItems.$inferSelect;
export type FollowUp = typeof followUps.$inferSelect;
export type VisitLink = typeof visitLinks.$inferSelect;
