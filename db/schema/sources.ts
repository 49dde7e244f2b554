import { relations } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { editable } from "./columns";

/** Where a fact comes from: a published article, page or document. */
export const sources = pgTable("sources", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  publisher: text("publisher").notNull(),
  title: text("title").notNull(),
  language: text("language"),
  publishedOn: date("published_on"),
  url: text("url"),
  seedFile: text("seed_file"),
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
