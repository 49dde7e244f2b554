// The public read of the replication chain: a case's origins and adaptations, through published cases only.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { caseLinks, casePublications, countries, sources } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ReplicationChain } from "../lib/replication";

/** How far the chain is walked either way: far beyond any real chain, a bound on a runaway one. */
const maxSteps = 20;

/**
 * The links of `caseId`'s chain that the public may see: walking up from the case (where its idea
 * came from) and down (where it went), each step only onto a published case. A draft or archived
 * case ends the walk there: neither it nor what lies beyond it through it is shown.
 */
const visibleLinkIds = (caseId: number) => sql`(
  with recursive
    start(case_id) as (
      select case_id from case_publications where case_id = ${caseId}
    ),
    up(case_id, steps) as (
      select case_id, 0 from start
      union
      select l.from_case_id, up.steps + 1 from case_links l
        join up on l.to_case_id = up.case_id
        join case_publications p on p.case_id = l.from_case_id
        where up.steps < ${maxSteps}
    ),
    down(case_id, steps) as (
      select case_id, 0 from start
      union
      select l.to_case_id, down.steps + 1 from case_links l
        join down on l.from_case_id = down.case_id
        join case_publications p on p.case_id = l.to_case_id
        where down.steps < ${maxSteps}
    )
  select l.id from case_links l join up on l.to_case_id = up.case_id
    where exists (select 1 from case_publications p where p.case_id = l.from_case_id)
  union
  select l.id from case_links l join down on l.from_case_id = down.case_id
    where exists (select 1 from case_publications p where p.case_id = l.to_case_id)
)`;

const linkCountry = alias(countries, "link_country");

/**
 * The chain around a published case, in two queries (its links, then its cases); null when the case
 * has no published origin or adaptation.
 */
export async function getReplicationChain(db: Database, caseId: number): Promise<ReplicationChain | null> {
  const links = await db
    .select({
      id: caseLinks.id,
      fromCaseId: caseLinks.fromCaseId,
      toCaseId: caseLinks.toCaseId,
      place: caseLinks.place,
      countryCode: caseLinks.countryCode,
      countryName: linkCountry.name,
      latitude: caseLinks.latitude,
      longitude: caseLinks.longitude,
      year: caseLinks.year,
      status: caseLinks.status,
      note: caseLinks.note,
      source: sources,
    })
    .from(caseLinks)
    .leftJoin(linkCountry, eq(linkCountry.code, caseLinks.countryCode))
    .leftJoin(sources, eq(sources.id, caseLinks.sourceId))
    .where(sql`${caseLinks.id} in ${visibleLinkIds(caseId)}`)
    .orderBy(asc(caseLinks.year), asc(caseLinks.id));
  if (!links.length) return null;
  const ids = [...new Set([caseId, ...links.flatMap((l) => [l.fromCaseId, l.toCaseId])])];
  const cases = await db
    .select({
      caseId: casePublications.caseId,
      slug: casePublications.slug,
      title: casePublications.title,
      countryCode: casePublications.countryCode,
      countryName: countries.name,
      place: casePublications.place,
      latitude: casePublications.latitude,
      longitude: casePublications.longitude,
      startedYear: casePublications.startedYear,
    })
    .from(casePublications)
    .innerJoin(countries, eq(countries.code, casePublications.countryCode))
    .where(inArray(casePublications.caseId, ids))
    .orderBy(asc(casePublications.caseId));
  return {
    caseId,
    cases,
    links: links.map(({ source, ...l }) => ({
      ...l,
      source: source
        ? {
            publisher: source.publisher,
            title: source.title,
            titleIsDescriptive: source.titleIsDescriptive,
            language: source.language,
            url: source.url,
            publishedOn: source.publishedOn,
            quote: source.quote,
          }
        : null,
    })),
  };
}
