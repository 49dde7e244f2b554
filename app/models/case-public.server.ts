// What a visitor reads of one case: its publication, never the staff's working copy.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { casePublications, citations, countries, organizations, sources } from "../../db/schema";
import type { Database } from "../../db/client";
import type { SourceInfo } from "../lib/source-info";

const contact = alias(organizations, "contact_organization");

/** An organisation as the page names it. */
export type PublicOrganization = { name: { en: string; id?: string }; acronym: string | null };

function organizationOrNull(name: PublicOrganization["name"] | null, acronym: string | null) {
  return name ? { name, acronym } : null;
}

/**
 * The publication whose English slug, or else Indonesian slug, is `slug`; null when none is
 * published under it (a draft, an archived case and a made-up address alike). The English slug
 * wins where one case's Indonesian slug is another's English one.
 */
export async function findPublishedCase(db: Database, slug: string) {
  const [row] = await db
    .select({
      publication: casePublications,
      countryName: countries.name,
      organizationName: organizations.name,
      organizationAcronym: organizations.acronym,
      contactName: contact.name,
      contactAcronym: contact.acronym,
    })
    .from(casePublications)
    .innerJoin(countries, eq(countries.code, casePublications.countryCode))
    .leftJoin(organizations, eq(organizations.id, casePublications.organizationId))
    .leftJoin(contact, eq(contact.id, casePublications.contactOrganizationId))
    .where(or(eq(casePublications.slug, slug), eq(casePublications.slugId, slug)))
    .orderBy(sql`${casePublications.slug} = ${slug} desc`)
    .limit(1);
  if (!row) return null;
  // The search columns are the database's business, and who published it the staff's, not the
  // page's: what a loader returns reaches every visitor (and the page's .data address).
  const {
    searchEn: _en,
    searchId: _id,
    searchAz: _az,
    names: _names,
    publishedBy: _publisher,
    ...publication
  } = row.publication;
  return {
    ...publication,
    countryName: row.countryName,
    organization: organizationOrNull(row.organizationName, row.organizationAcronym),
    contactOrganization: organizationOrNull(row.contactName, row.contactAcronym),
  };
}

export type PublishedCase = NonNullable<Awaited<ReturnType<typeof findPublishedCase>>>;

const sourceInfo = (s: typeof sources.$inferSelect): SourceInfo & { id: number; slug: string } => ({
  id: s.id,
  slug: s.slug,
  publisher: s.publisher,
  title: s.title,
  titleIsDescriptive: s.titleIsDescriptive,
  language: s.language,
  url: s.url,
  publishedOn: s.publishedOn,
  quote: s.quote,
});

/**
 * The sources the published case cites, oldest first. A source cited since the case was last
 * published waits for the next publication, as the rest of a revision does (and as documents do).
 */
export async function caseSources(db: Database, caseId: number) {
  const rows = await db
    .select({ source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .innerJoin(
      casePublications,
      and(
        eq(casePublications.caseId, citations.subjectId),
        or(isNull(citations.createdAt), lte(citations.createdAt, casePublications.publishedAt)),
      ),
    )
    .where(and(eq(citations.subjectKind, "case"), eq(citations.subjectId, caseId)))
    .orderBy(asc(sources.publishedOn), asc(sources.id));
  return rows.map((r) => sourceInfo(r.source));
}

/** The language a case's address is in: Indonesian for its Indonesian slug, else null (any). */
export async function slugLanguage(db: Database, slug: string): Promise<"id" | null> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(casePublications)
    .where(and(eq(casePublications.slugId, slug), sql`${casePublications.slug} <> ${slug}`));
  return row ? "id" : null;
}

/** The sources its results name (by slug), keyed by slug: each result links to its own. */
export async function resultSources(db: Database, c: Pick<PublishedCase, "results">) {
  const slugs = [...new Set(c.results.map((r) => r.sourceSlug).filter((s): s is string => !!s))];
  if (!slugs.length) return {};
  const rows = await db.select().from(sources).where(inArray(sources.slug, slugs));
  return Object.fromEntries(rows.map((s) => [s.slug, sourceInfo(s)]));
}
