import { sql } from "drizzle-orm";
import { char, doublePrecision, integer, jsonb, smallint, text } from "drizzle-orm/pg-core";
import type { LocalizedRichText, LocalizedText } from "../../app/lib/localized";
import { localized } from "./columns";
import { countries } from "./countries";
import { organizations } from "./organizations";

/** A result of a case, as a figure a reader can check: "152 malls, October 2023, source X". */
export type CaseResult = {
  label: LocalizedText;
  value: string;
  unit?: LocalizedText;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source. */
  date?: string;
  sourceSlug?: string;
};

export type CaseAward = {
  key: "unpsa" | "other";
  title: LocalizedText;
  year: number;
  category?: LocalizedText;
};

/**
 * What a case says, shared by the staff's working copy (`cases`) and what the public reads
 * (`case_publications`): publishing copies one onto the other.
 */
export const caseContent = () => ({
  title: localized("title").notNull(),
  /** One line, for lists and the page's description. */
  summary: localized("summary").notNull(),
  problem: localized("problem"),
  solution: localized("solution"),
  /** What makes it innovative. */
  innovation: localized("innovation"),
  results: jsonb("results").$type<CaseResult[]>().notNull().default([]),
  /** The implementing organisation. */
  organizationId: integer("organization_id").references(() => organizations.id),
  adminLevel: text("admin_level"),
  countryCode: char("country_code", { length: 2 })
    .notNull()
    .references(() => countries.code),
  /** The place within the country ("Banyuwangi, East Java"), and where to put it on a map. */
  place: localized("place"),
  latitude: doublePrecision("latitude"),
  longitude: doublePrecision("longitude"),
  startedYear: smallint("started_year"),
  /** Null while it runs. */
  stoppedYear: smallint("stopped_year"),
  sector: text("sector").notNull(),
  sdgGoals: smallint("sdg_goals")
    .array()
    .notNull()
    .default(sql`'{}'::smallint[]`),
  /** SDG targets as the UN numbers them: "3.3", "16.6". */
  sdgTargets: text("sdg_targets")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  awards: jsonb("awards").$type<CaseAward[]>().notNull().default([]),
  /** The awards' keys, kept beside them for the library's filter and its index. */
  awardKeys: text("award_keys")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Whom a partner would contact: an organisation, never a person's details. */
  contactOrganizationId: integer("contact_organization_id").references(() => organizations.id),
  lessonsRich: jsonb("lessons_rich").$type<LocalizedRichText>().notNull().default({}),
  narrative: jsonb("narrative").$type<LocalizedRichText>().notNull().default({}),
});

/** The text a case is searched by, per language, weighted title > summary > the rest. */
export const caseSearchText = {
  weighted: (config: "english" | "indonesian" | "simple", lang: "en" | "id" | "az") =>
    sql.raw(
      `setweight(to_tsvector('${config}'::regconfig, coalesce(title->>'${lang}', '')), 'A') || ` +
        `setweight(to_tsvector('${config}'::regconfig, coalesce(summary->>'${lang}', '')), 'B') || ` +
        `setweight(to_tsvector('${config}'::regconfig, coalesce(problem->>'${lang}', '') || ' ' || coalesce(solution->>'${lang}', '') || ' ' || coalesce(innovation->>'${lang}', '') || ' ' || coalesce(place->>'${lang}', '') || ' ' || coalesce(lessons_rich->'${lang}'->>'text', '') || ' ' || coalesce(narrative->'${lang}'->>'text', '')), 'C')`,
    ),
  /** Names in every language, for trigram matching of names and typos ("xidmet"). */
  names: sql.raw(
    `lower(coalesce(title->>'en', '') || ' ' || coalesce(title->>'id', '') || ' ' || coalesce(title->>'az', ''))`,
  ),
};
