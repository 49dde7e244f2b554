import { relations } from "drizzle-orm";
import { char, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { caseStatuses } from "../../app/lib/enums";
import type { LocalizedText } from "../../app/lib/localized";
import { editable, localized } from "./columns";
import { countries } from "./countries";
import { organizations } from "./organizations";

export const caseStatus = pgEnum("case_status", caseStatuses);

/** An innovation in the public library: what it is and what others learned from it. */
export const cases = pgTable(
  "cases",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: localized("title").notNull(),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    organizationId: integer("organization_id").references(() => organizations.id),
    sector: text("sector").notNull(),
    summary: localized("summary").notNull(),
    lessons: jsonb("lessons").$type<LocalizedText[]>().notNull().default([]),
    status: caseStatus("status").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...editable(),
  },
  (t) => [index("cases_status_idx").on(t.status, t.publishedAt)],
);

export const casesRelations = relations(cases, ({ one }) => ({
  country: one(countries, { fields: [cases.countryCode], references: [countries.code] }),
  organization: one(organizations, {
    fields: [cases.organizationId],
    references: [organizations.id],
  }),
}));

export type Case = typeof cases.$inferSelect;
