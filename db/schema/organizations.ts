import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
} from "drizzle-orm/pg-core";
import { editable, localized } from "./columns";
import { organizationKinds } from "../../app/lib/enums";
import { countries } from "./countries";
import { users } from "./users";

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
    /** The body it belongs to (a directorate's ministry); deleting the parent leaves it standing alone. */
    parentId: integer("parent_id").references((): AnyPgColumn => organizations.id, { onDelete: "set null" }),
    website: text("website"),
    ...editable(),
  },
  (t) => [index("organizations_country_idx").on(t.countryCode), index("organizations_parent_idx").on(t.parentId)],
);

export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    organizationId: integer("organization_id").references(() => organizations.id),
    /** Contact details: personal data, shown to signed-in staff only and never exported to the public. */
    email: text("email"),
    phone: text("phone"),
    /** The person's own account, if they have one: where their briefing pack and follow-ups reach them. */
    userId: integer("user_id")
      .unique()
      .references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    /** Languages the person speaks, as BCP 47 codes ("id", "az", "en"). */
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A made-up person of the demo's example scenario, never a real one given made-up deeds. */
    example: boolean("example").notNull().default(false),
    ...editable(),
  },
  (t) => [index("people_organization_idx").on(t.organizationId)],
);

/**
 * What a person held, and when. A record shows a person's title as it was on the record's date:
 * the position whose dates hold that day, so a 2016 meeting keeps its 2016 titles. Open ends
 * mean "not known to have started / ended"; the dates are as precise as the sources allow.
 */
export const personPositions = pgTable(
  "person_positions",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    title: localized("title").notNull(),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
  },
  (t) => [
    index("person_positions_person_idx").on(t.personId, t.startsOn),
    index("person_positions_organization_idx").on(t.organizationId),
  ],
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
export type PersonPosition = typeof personPositions.$inferSelect;
