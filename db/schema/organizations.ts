import { relations } from "drizzle-orm";
import { char, index, integer, pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";
import { editable, localized } from "./columns";
import { organizationKinds } from "../../app/lib/enums";
import { countries } from "./countries";

export const organizationKind = pgEnum("organization_kind", organizationKinds);

export const organizations = pgTable(
  "organizations",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: localized("name").notNull(),
    acronym: text("acronym"),
    kind: organizationKind("kind").notNull(),
    countryCode: char("country_code", { length: 2 }).references(() => countries.code),
    ...editable(),
  },
  (t) => [index("organizations_country_idx").on(t.countryCode)],
);

export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    title: localized("title"),
    organizationId: integer("organization_id").references(() => organizations.id),
    ...editable(),
  },
  (t) => [index("people_organization_idx").on(t.organizationId)],
);

export const organizationsRelations = relations(organizations, ({ one, many }) => ({
  country: one(countries, { fields: [organizations.countryCode], references: [countries.code] }),
  people: many(people),
}));

export const peopleRelations = relations(people, ({ one }) => ({
  organization: one(organizations, {
    fields: [people.organizationId],
    references: [organizations.id],
  }),
}));

export type Organization = typeof organizations.$inferSelect;
export type Person = typeof people.$inferSelect;
