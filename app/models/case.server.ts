import { and, desc, eq } from "drizzle-orm";
import { cases, countries, organizations } from "../../db/schema";
import type { Database } from "../../db/client";
import { citationsFor } from "./source.server";

const publicFields = {
  id: cases.id,
  slug: cases.slug,
  title: cases.title,
  sector: cases.sector,
  summary: cases.summary,
  countryCode: cases.countryCode,
  countryName: countries.name,
  organizationName: organizations.name,
  publishedAt: cases.publishedAt,
};

/** Only published cases: this is what anonymous visitors may see. */
export function listPublishedCases(db: Database) {
  return db
    .select(publicFields)
    .from(cases)
    .innerJoin(countries, eq(countries.code, cases.countryCode))
    .leftJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.status, "published"))
    .orderBy(desc(cases.publishedAt), cases.slug);
}

export async function getPublishedCase(db: Database, slug: string) {
  const [found] = await db
    .select({ ...publicFields, lessons: cases.lessons })
    .from(cases)
    .innerJoin(countries, eq(countries.code, cases.countryCode))
    .leftJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(eq(cases.slug, slug), eq(cases.status, "published")));
  if (!found) return null;
  const cited = await citationsFor(db, "case", [found.id]);
  return { ...found, sources: cited.get(found.id) ?? [] };
}
