import { relations } from "drizzle-orm";
import { char, date, index, integer, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { editable, localized } from "./columns";
import { sources } from "./sources";
import { countries } from "./countries";

export const partnerships = pgTable("partnerships", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: localized("name").notNull(),
  summary: localized("summary").notNull(),
  startedOn: date("started_on"),
  ...editable(),
});

/** Two or more countries: nothing in the model assumes which. */
export const partnershipCountries = pgTable(
  "partnership_countries",
  {
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    countryCode: char("country_code", { length: 2 })
      .notNull()
      .references(() => countries.code),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.countryCode] })],
);

/** The numbers the landing page shows, each with the date it held and where it was reported. */
export const keyFigures = pgTable(
  "key_figures",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
    label: localized("label").notNull(),
    asOf: date("as_of"),
    sourceId: integer("source_id").references(() => sources.id),
    position: integer("position").notNull().default(0),
    ...editable(),
  },
  (t) => [index("key_figures_partnership_idx").on(t.partnershipId, t.position)],
);

export const partnershipsRelations = relations(partnerships, ({ many }) => ({
  countries: many(partnershipCountries),
  keyFigures: many(keyFigures),
}));

export const keyFiguresRelations = relations(keyFigures, ({ one }) => ({
  partnership: one(partnerships, { fields: [keyFigures.partnershipId], references: [partnerships.id] }),
  source: one(sources, { fields: [keyFigures.sourceId], references: [sources.id] }),
}));

export const partnershipCountriesRelations = relations(partnershipCountries, ({ one }) => ({
  partnership: one(partnerships, {
    fields: [partnershipCountries.partnershipId],
    references: [partnerships.id],
  }),
  country: one(countries, { fields: [partnershipCountries.countryCode], references: [countries.code] }),
}));

export type Partnership = typeof partnerships.$inferSelect;
export type KeyFigure = typeof keyFigures.$inferSelect;
