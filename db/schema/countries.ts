import { char, pgTable, text } from "drizzle-orm/pg-core";
import { localized } from "./columns";

/** ISO 3166-1 alpha-2 countries: partnerships, organizations and venues refer to them. */
export const countries = pgTable("countries", {
  code: char("code", { length: 2 }).primaryKey(),
  name: localized("name").notNull(),
  timeZone: text("time_zone").notNull(),
});

export type Country = typeof countries.$inferSelect;
