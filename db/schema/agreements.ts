import { relations } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { editable, localized } from "./columns";
import { countries } from "./countries";
import { organizations, people } from "./organizations";
import { agreementKinds, agreementStatuses, commitmentStatuses } from "../../app/lib/enums";
import { partnerships } from "./partnerships";
import { sources } from "./sources";
import { users } from "./users";

export const agreementKind = pgEnum("agreement_kind", agreementKinds);

export const agreementStatus = pgEnum("agreement_status", agreementStatuses);

export const commitmentStatus = pgEnum("commitment_status", commitmentStatuses);

export const agreements = pgTable(
  "agreements",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    kind: agreementKind("kind").notNull(),
    title: localized("title").notNull(),
    summary: localized("summary").notNull(),
    signedOn: date("signed_on"),
    signedCity: text("signed_city"),
    inForceFrom: date("in_force_from"),
    inForceUntil: date("in_force_until"),
    /** No source gives the end date: it was worked out (e.g. a two-year plan from its signing). */
    inForceUntilInferred: boolean("in_force_until_inferred").notNull().default(false),
    status: agreementStatus("status").notNull().default("draft"),
    /** A renewal continues its parent; an action plan implements it. */
    parentId: integer("parent_id").references((): AnyPgColumn => agreements.id),
    /** Part of the demo's example scenario, not of the sourced record. */
    example: boolean("example").notNull().default(false),
    ...editable(),
  },
  (t) => [index("agreements_partnership_idx").on(t.partnershipId), index("agreements_parent_idx").on(t.parentId)],
);

export const agreementSignatories = pgTable(
  "agreement_signatories",
  {
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.personId] })],
);

export const commitments = pgTable(
  "commitments",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    text: localized("text").notNull(),
    area: text("area").notNull(),
    responsibleOrganizationId: integer("responsible_organization_id").references(() => organizations.id),
    /** The latest assessment's status, kept with it in one transaction; no default, so each writer says. */
    status: commitmentStatus("status").notNull(),
    dueOn: date("due_on"),
    position: integer("position").notNull().default(0),
    example: boolean("example").notNull().default(false),
    /**
     * How many sides have confirmed it (commitment_confirmations), kept by a trigger on them
     * (migration 0025): an agreement's "confirmed by every side" is then a count over an index
     * rather than a grouping of every confirmation.
     */
    confirmedSides: smallint("confirmed_sides").notNull().default(0),
    ...editable(),
  },
  (t) => [
    index("commitments_agreement_idx").on(t.agreementId, t.position),
    index("commitments_confirmed_idx").on(t.agreementId, t.status, t.confirmedSides),
    index("commitments_status_idx").on(t.status, t.dueOn),
    // An agreement's commitments in one status: the complete ones its "confirmed by every side" counts.
    index("commitments_agreement_status_idx").on(t.agreementId, t.status, t.dueOn),
  ],
);

/**
 * How many of an agreement's commitments have each status, due month (its first day; null for no
 * due date) and number of confirming sides. A trigger on commitments keeps it (migration 0031,
 * docs/decisions/0023-commitment-tallies.md) in the transaction of every change, whoever writes:
 * an agreement's counts, its overdue count and how many are confirmed by every side add up a few
 * rows a month instead of reading its commitments (5,000 on the benchmark's action plan).
 */
export const commitmentMonthTallies = pgTable(
  "commitment_month_tallies",
  {
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    status: commitmentStatus("status").notNull(),
    dueMonth: date("due_month"),
    confirmedSides: smallint("confirmed_sides").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    unique("commitment_month_tallies_key").on(t.agreementId, t.status, t.dueMonth, t.confirmedSides).nullsNotDistinct(),
  ],
);

/** Each side names the person who answers for a commitment. */
export const commitmentFocalPoints = pgTable(
  "commitment_focal_points",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.countryCode] })],
);

export const commitmentMilestones = pgTable(
  "commitment_milestones",
  {
    id: serial("id").primaryKey(),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    title: localized("title").notNull(),
    dueOn: date("due_on"),
    completedOn: date("completed_on"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("commitment_milestones_commitment_idx").on(t.commitmentId, t.position)],
);

/**
 * Who rated a commitment, when, and on what evidence. The newest is the commitment's status; the
 * reason for a rating lives here, not in the commitment's text.
 */
export const commitmentAssessments = pgTable(
  "commitment_assessments",
  {
    id: serial("id").primaryKey(),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    status: commitmentStatus("status").notNull(),
    assessedOn: date("assessed_on").notNull(),
    /** The staff member who rated it; null when the rating came from content/ or the account is gone. */
    assessedBy: integer("assessed_by").references(() => users.id, { onDelete: "set null" }),
    /** Who rated it, as written (an organisation or report), when not a user of the app. */
    assessor: text("assessor"),
    /** The reasoning and evidence, in the rater's words. */
    evidence: localized("evidence").notNull(),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    example: boolean("example").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("commitment_assessments_commitment_idx").on(t.commitmentId, t.assessedOn, t.id)],
);

/** What shows a commitment was met: a link, a note, or both. "Complete" needs at least one. */
export const commitmentEvidence = pgTable(
  "commitment_evidence",
  {
    id: serial("id").primaryKey(),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    url: text("url"),
    note: text("note"),
    addedBy: integer("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("commitment_evidence_commitment_idx").on(t.commitmentId),
    check("commitment_evidence_has_content", sql`${t.url} is not null or ${t.note} is not null`),
  ],
);

/** Each side confirms completion separately; the pair (commitment, country) is confirmed once. */
export const commitmentConfirmations = pgTable(
  "commitment_confirmations",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Recorded by an administrator who is not of this side, on the side's behalf. */
    onBehalf: boolean("on_behalf").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.countryCode] })],
);

export const agreementsRelations = relations(agreements, ({ one, many }) => ({
  partnership: one(partnerships, {
    fields: [agreements.partnershipId],
    references: [partnerships.id],
  }),
  parent: one(agreements, {
    fields: [agreements.parentId],
    references: [agreements.id],
    relationName: "continues",
  }),
  children: many(agreements, { relationName: "continues" }),
  signatories: many(agreementSignatories),
  commitments: many(commitments),
}));

export const agreementSignatoriesRelations = relations(agreementSignatories, ({ one }) => ({
  agreement: one(agreements, {
    fields: [agreementSignatories.agreementId],
    references: [agreements.id],
  }),
  person: one(people, { fields: [agreementSignatories.personId], references: [people.id] }),
}));

export const commitmentsRelations = relations(commitments, ({ one, many }) => ({
  agreement: one(agreements, { fields: [commitments.agreementId], references: [agreements.id] }),
  responsibleOrganization: one(organizations, {
    fields: [commitments.responsibleOrganizationId],
    references: [organizations.id],
  }),
  focalPoints: many(commitmentFocalPoints),
  milestones: many(commitmentMilestones),
  evidence: many(commitmentEvidence),
  confirmations: many(commitmentConfirmations),
}));

export const commitmentFocalPointsRelations = relations(commitmentFocalPoints, ({ one }) => ({
  commitment: one(commitments, { fields: [commitmentFocalPoints.commitmentId], references: [commitments.id] }),
  person: one(people, { fields: [commitmentFocalPoints.personId], references: [people.id] }),
}));

export const commitmentMilestonesRelations = relations(commitmentMilestones, ({ one }) => ({
  commitment: one(commitments, { fields: [commitmentMilestones.commitmentId], references: [commitments.id] }),
}));

export const commitmentEvidenceRelations = relations(commitmentEvidence, ({ one }) => ({
  commitment: one(commitments, { fields: [commitmentEvidence.commitmentId], references: [commitments.id] }),
}));

export const commitmentConfirmationsRelations = relations(commitmentConfirmations, ({ one }) => ({
  commitment: one(commitments, {
    fields: [commitmentConfirmations.commitmentId],
    references: [commitments.id],
  }),
}));

export type Agreement = typeof agreements.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
