import { relations } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { editable } from "./columns";

/**
 * Where a fact comes from: a published article, page or document, cited so that a reader can
 * find and check it.
 */
export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  /** "article" (dated news or press release) or "web_page"; null only before the next seed. */
  kind: text("kind").$type<"article" | "web_page">(),
  publisher: text("publisher").notNull(),
  /** The original headline, verbatim; or, when titleIsDescriptive, an English description of ours. */
  title: text("title").notNull(),
  titleIsDescriptive: boolean("title_is_descriptive").notNull().default(false),
  /** The source's language (en, id): its headline and quote are in it. */
  language: text("language"),
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  publishedOn: text("published_on"),
  url: text("url"),
  /** A sentence or two from the source, verbatim. */
  quote: text("quote"),
  ...editable(),
});

export const citableKinds = [
  "partnership",
  "organization",
  "person",
  "agreement",
  "commitment",
  "activity",
  "case",
  "itinerary_item",
] as const;
export const citableKind = pgEnum("citable_kind", citableKinds);

/** Any record may cite any number of sources; the pair (kind, id) names the record. */
export const citations = pgTable(
  "citations",
  {
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    subjectKind: citableKind("subject_kind").notNull(),
    subjectId: integer("subject_id").notNull(),
    note: text("note"),
    /**
     * When the record started citing it: a published case shows only what it cited when published.
     * Null for citations older than this column, which count as cited before any publication.
     */
    createdAt: timestamp("created_at", { withTimezone: true }).$defaultFn(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.subjectKind, t.subjectId] }),
    index("citations_subject_idx").on(t.subjectKind, t.subjectId),
  ],
);

export const citationsRelations = relations(citations, ({ one }) => ({
  source: one(sources, { fields: [citations.sourceId], references: [sources.id] }),
}));

export type Source = typeof sources.$inferSelect;
export type CitableKind = (typeof citableKinds)[number];
