import { customType, integer, jsonb, timestamp } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../app/lib/localized";

export const localized = (name: string) => jsonb(name).$type<LocalizedText>();

/** The lifecycle columns every editable record carries: a version for optimistic locking. */
export const editable = () => ({
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
