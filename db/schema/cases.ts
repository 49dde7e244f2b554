import { relations, type SQL } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  char,
  doublePrecision,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { caseLinkStatuses, caseStatuses } from "../../app/lib/enums";
import { activities } from "./activities";
import { caseContent, caseSearchText } from "./case-content";
import { editable, localized, tsvector } from "./columns";
import { countries } from "./countries";
import { organizations } from "./organizations";
import { sources } from "./sources";
import { users } from "./users";

export const caseStatus = pgEnum("case_status", caseStatuses);

/**
 * An innovation in the library, as staff edit it: the working copy and where it stands in review.
 * The public never reads this table; it reads `case_publications`.
 */
export const cases = pgTable(
  "cases",
  {
    id: serial("id").primaryKey(),
    /** The English address (/library/:slug); `slugId` the Indonesian one, where it differs. */
    slug: text("slug").notNull().unique(),
    slugId: text("slug_id").unique(),
    ...caseContent(),
    status: caseStatus("status").notNull().default("draft"),
    /** Who last changed the working copy: a second editor (or an admin) publishes it. */
    editedBy: integer("edited_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** When it was first published; the publication has the latest. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Marks rows that `npm run bench` generated. */
    synthetic: boolean("synthetic").notNull().default(false),
    ...editable(),
  },
  (t) => [index("cases_status_idx").on(t.status, t.updatedAt)],
);

/** What the public reads of a case: the last published working copy, with its search columns. */
export const casePublications = pgTable(
  "case_publications",
  {
    caseId: integer("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    slugId: text("slug_id").unique(),
    ...caseContent(),
    /** The working copy's version that was published. */
    caseVersion: integer("case_version").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer("published_by").references(() => users.id, { onDelete: "set null" }),
    synthetic: boolean("synthetic").notNull().default(false),
    searchEn: tsvector("search_en").generatedAlwaysAs((): SQL => caseSearchText.weighted("english", "en")),
    searchId: tsvector("search_id").generatedAlwaysAs((): SQL => caseSearchText.weighted("indonesian", "id")),
    // PostgreSQL has no Azerbaijani dictionary: words as written, lower-cased, without stemming.
    searchAz: tsvector("search_az").generatedAlwaysAs((): SQL => caseSearchText.weighted("simple", "az")),
    names: text("names").generatedAlwaysAs((): SQL => caseSearchText.names),
  },
  (t) => [
    index("case_publications_search_en_idx").using("gin", t.searchEn),
    index("case_publications_search_id_idx").using("gin", t.searchId),
    index("case_publications_search_az_idx").using("gin", t.searchAz),
    index("case_publications_names_idx").using("gin", t.names.op("gin_trgm_ops")),
    index("case_publications_country_idx").on(t.countryCode, t.publishedAt),
    index("case_publications_sector_idx").on(t.sector, t.publishedAt),
    index("case_publications_sdg_idx").using("gin", t.sdgGoals),
    index("case_publications_awards_idx").using("gin", t.awardKeys),
    index("case_publications_published_idx").on(t.publishedAt, t.caseId),
  ],
);

/**
 * Every word (four letters or more, as written, lower-cased) of the published cases' texts in any
 * language, and in how many cases it is: what a misspelt search is corrected towards ("malria" →
 * "malaria"). Kept by a trigger on case_publications (migration 0029), whoever publishes.
 */
export const libraryWords = pgTable(
  "library_words",
  {
    word: text("word").primaryKey(),
    cases: integer("cases").notNull(),
  },
  (t) => [index("library_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops"))],
);

export const caseLinkStatus = pgEnum("case_link_status", caseLinkStatuses);

/**
 * "Inspired by / adapted as": `toCaseId` took its idea from `fromCaseId`, at a place and in a
 * year, on a source's word. Shown publicly only where both cases are published.
 */
export const caseLinks = pgTable(
  "case_links",
  {
    id: serial("id").primaryKey(),
    fromCaseId: integer("from_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    toCaseId: integer("to_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    place: localized("place"),
    countryCode: char("country_code", { length: 2 }).references(() => countries.code),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    year: smallint("year"),
    status: caseLinkStatus("status").notNull().default("running"),
    note: localized("note"),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    ...editable(),
  },
  (t) => [index("case_links_from_idx").on(t.fromCaseId), index("case_links_to_idx").on(t.toCaseId)],
);

/** The cases an activity's lessons concern: a case page lists the activities where it was shared. */
export const activityCases = pgTable(
  "activity_cases",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.caseId] }),
    index("activity_cases_case_idx").on(t.caseId, t.activityId),
  ],
);

export const casesRelations = relations(cases, ({ one }) => ({
  country: one(countries, { fields: [cases.countryCode], references: [countries.code] }),
  organization: one(organizations, {
    fields: [cases.organizationId],
    references: [organizations.id],
  }),
  publication: one(casePublications, { fields: [cases.id], references: [casePublications.caseId] }),
}));

export type Case = typeof cases.$inferSelect;
export type CasePublication = typeof casePublications.$inferSelect;
export type CaseLink = typeof caseLinks.$inferSelect;
