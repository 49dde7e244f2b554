// What staff read of a case's replication links: every link in and out, whatever the cases' status,
// and the choices the link form offers.
import { asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { caseLinks, cases, countries, sources } from "../../db/schema";
import type { Database } from "../../db/client";

/** The case whose links are edited, with its title and status; null when it does not exist. */
export async function getLinkedCase(db: Database, id: number) {
  const [found] = await db
    .select({ id: cases.id, slug: cases.slug, title: cases.title, status: cases.status })
    .from(cases)
    .where(eq(cases.id, id));
  return found ?? null;
}

const fromCase = alias(cases, "from_case");
const toCase = alias(cases, "to_case");

/** The links into and out of a case, with both cases' titles and the source's, oldest first. */
export function caseLinksOf(db: Database, caseId: number) {
  return db
    .select({
      link: caseLinks,
      from: { id: fromCase.id, slug: fromCase.slug, title: fromCase.title, status: fromCase.status },
      to: { id: toCase.id, slug: toCase.slug, title: toCase.title, status: toCase.status },
      source: { publisher: sources.publisher, title: sources.title, publishedOn: sources.publishedOn },
      countryName: countries.name,
    })
    .from(caseLinks)
    .innerJoin(fromCase, eq(fromCase.id, caseLinks.fromCaseId))
    .innerJoin(toCase, eq(toCase.id, caseLinks.toCaseId))
    .leftJoin(sources, eq(sources.id, caseLinks.sourceId))
    .leftJoin(countries, eq(countries.code, caseLinks.countryCode))
    .where(or(eq(caseLinks.fromCaseId, caseId), eq(caseLinks.toCaseId, caseId)))
    .orderBy(asc(caseLinks.year), asc(caseLinks.id));
}

export type StaffCaseLink = Awaited<ReturnType<typeof caseLinksOf>>[number];

/** The choices of the link form: the other cases, the countries and the sources. */
export async function caseLinkFormOptions(db: Database, caseId: number) {
  const [caseRows, countryRows, sourceRows] = await Promise.all([
    db
      .select({ id: cases.id, title: cases.title, status: cases.status })
      .from(cases)
      .where(eq(cases.synthetic, false))
      .orderBy(asc(cases.slug)),
    db.select({ code: countries.code, name: countries.name }).from(countries).orderBy(asc(countries.code)),
    db
      .select({ id: sources.id, publisher: sources.publisher, title: sources.title, publishedOn: sources.publishedOn })
      .from(sources)
      .orderBy(asc(sources.publishedOn), asc(sources.id)),
  ]);
  return { cases: caseRows.filter((c) => c.id !== caseId), countries: countryRows, sources: sourceRows };
}

export type CaseLinkFormOptions = Awaited<ReturnType<typeof caseLinkFormOptions>>;
