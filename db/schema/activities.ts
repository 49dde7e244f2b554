import { relations, sql, type SQL } from "drizzle-orm";
import {
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { activityModes, activityStatuses, activityTypes, datePrecisions } from "../../app/lib/enums";
import { agreements, commitments } from "./agreements";
import { editable, localized, tsvector } from "./columns";
import { countries } from "./countries";
import { organizations, people } from "./organizations";

export const activityType = pgEnum("activity_type", activityTypes);

export const activityMode = pgEnum("activity_mode", activityModes);

export const activityStatus = pgEnum("activity_status", activityStatuses);

export const datePrecision = pgEnum("date_precision", datePrecisions);

export const activities = pgTable(
  "activities",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agreementId: integer("agreement_id").references(() => agreements.id),
    type: activityType("type").notNull(),
    title: localized("title").notNull(),
    description: localized("description"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Day-precision events (most of the record) are dates, not instants: shown as-is in every zone. */
    allDay: boolean("all_day").notNull().default(false),
    /** A month or year (the source gives no day) is stored from its first day to its last, all day. */
    datePrecision: datePrecision("date_precision").notNull().default("day"),
    /** The source gives the date as "about" or it is inferred: shown with "c.". */
    dateApproximate: boolean("date_approximate").notNull().default(false),
    city: text("city"),
    countryCode: char("country_code", { length: 2 }).references(() => countries.code),
    mode: activityMode("mode").notNull().default("in_person"),
    status: activityStatus("status").notNull().default("planned"),
    outputs: localized("outputs"),
    /** Lessons learned as the editor's JSON, and the sanitized HTML and text rendered from it at save time. */
    lessonsJson: jsonb("lessons_json"),
    lessonsHtml: text("lessons_html"),
    lessonsText: text("lessons_text"),
    /** Marks rows that `npm run bench` generated, so they can be told apart and removed. */
    synthetic: boolean("synthetic").notNull().default(false),
    /** Part of the demo's example scenario (dated relative to today), not of the sourced record. */
    example: boolean("example").notNull().default(false),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple'::regconfig, coalesce(${activities.title}->>'en', '') || ' ' || coalesce(${activities.title}->>'id', '') || ' ' || coalesce(${activities.city}, '') || ' ' || coalesce(${activities.description}->>'en', '') || ' ' || coalesce(${activities.description}->>'id', '') || ' ' || coalesce(${activities.lessonsText}, ''))`,
    ),
    ...editable(),
  },
  (t) => [
    index("activities_search_idx").using("gin", t.search),
    index("activities_title_en_idx").on(sql`lower(${t.title}->>'en')`, t.id),
    index("activities_title_id_idx").on(sql`lower(coalesce(${t.title}->>'id', ${t.title}->>'en'))`, t.id),
    index("activities_city_idx").on(t.city, t.startsAt),
    index("activities_starts_at_idx").on(t.startsAt),
    index("activities_agreement_idx").on(t.agreementId, t.startsAt),
    index("activities_type_idx").on(t.type, t.startsAt),
    // Type and status together cover the list's common filter pair, so its count needs no table visit.
    index("activities_type_status_idx").on(t.type, t.status),
    index("activities_status_idx").on(t.status, t.startsAt),
    index("activities_country_idx").on(t.countryCode, t.startsAt),
  ],
);

export const activityOrganizers = pgTable(
  "activity_organizers",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.organizationId] }),
    index("activity_organizers_organization_idx").on(t.organizationId),
  ],
);

export const activityParticipants = pgTable(
  "activity_participants",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    role: localized("role"),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.personId] }),
    index("activity_participants_person_idx").on(t.personId),
  ],
);

export const activityCommitments = pgTable(
  "activity_commitments",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.commitmentId] }),
    // With the activity id, a commitment's latest activities are read from the index alone.
    index("activity_commitments_commitment_idx").on(t.commitmentId, t.activityId),
  ],
);

export const activitiesRelations = relations(activities, ({ one, many }) => ({
  agreement: one(agreements, { fields: [activities.agreementId], references: [agreements.id] }),
  country: one(countries, { fields: [activities.countryCode], references: [countries.code] }),
  organizers: many(activityOrganizers),
  participants: many(activityParticipants),
  commitments: many(activityCommitments),
}));

export const activityOrganizersRelations = relations(activityOrganizers, ({ one }) => ({
  activity: one(activities, { fields: [activityOrganizers.activityId], references: [activities.id] }),
  organization: one(organizations, {
    fields: [activityOrganizers.organizationId],
    references: [organizations.id],
  }),
}));

export const activityParticipantsRelations = relations(activityParticipants, ({ one }) => ({
  activity: one(activities, {
    fields: [activityParticipants.activityId],
    references: [activities.id],
  }),
  person: one(people, { fields: [activityParticipants.personId], references: [people.id] }),
}));

export const activityCommitmentsRelations = relations(activityCommitments, ({ one }) => ({
  activity: one(activities, {
    fields: [activityCommitments.activityId],
    references: [activities.id],
  }),
  commitment: one(commitments, {
    fields: [activityCommitments.commitmentId],
    references: [commitments.id],
  }),
}));

export type Activity = typeof activities.$inferSelect;
