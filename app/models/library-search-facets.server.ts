// How many cases each filter value would leave, for the search as it stands.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";
import type { LibraryQuery } from "../lib/library-query";
import { allOf, filterConditions, rowsOf, searchMatch, type SearchMode } from "./library-search-filter.server";

export type FacetCount = { value: string; count: number; label?: LocalizedText };

export interface LibraryFacets {
  country: FacetCount[];
  sector: FacetCount[];
  sdg: FacetCount[];
  award: FacetCount[];
  state: FacetCount[];
  /** Cases matching the search and every filter. */
  total: number;
  /** Cases matching the search alone (every case without one). */
  matches: number;
}

type FacetRow = { facet: keyof LibraryFacets; value: string; n: number; label: LocalizedText | null };

/**
 * Every facet's counts in one statement. The cases the search matches are found once (the CTE,
 * through the full-text or trigram index); each facet then counts them with every other filter
 * applied but its own, the usual faceting rule: choosing a sector shows how many cases each
 * other sector would have, not zeros.
 */
export async function libraryFacets(db: Database, query: LibraryQuery, mode: SearchMode): Promise<LibraryFacets> {
  const match = searchMatch(mode, query.q) ?? sql`true`;
  const c = filterConditions(query);
  const result = await db.execute(sql`
    with m as materialized (
      select country_code, sector, sdg_goals, award_keys, started_year, stopped_year
      from case_publications where ${match}
    )
    select 'country' as facet, country_code::text as value, count(*)::int as n,
           (select name from countries where code = m.country_code) as label
      from m where ${allOf(c, [], "country")} group by country_code
    union all
    select 'sector', sector, count(*)::int, null from m where ${allOf(c, [], "sector")} group by sector
    union all
    select 'sdg', g::text, count(*)::int, null
      from m cross join lateral unnest(m.sdg_goals) as g where ${allOf(c, [], "sdg")} group by g
    union all
    select 'award', a, count(*)::int, null
      from m cross join lateral unnest(m.award_keys) as a where ${allOf(c, [], "award")} group by a
    union all
    select 'state', case when stopped_year is null then 'running' else 'stopped' end, count(*)::int, null
      from m where ${allOf(c, [], "state")} group by 2
    union all
    select 'total', '', count(*)::int, null from m where ${allOf(c)}
    union all
    select 'matches', '', count(*)::int, null from m`);
  const facets: LibraryFacets = { country: [], sector: [], sdg: [], award: [], state: [], total: 0, matches: 0 };
  for (const row of rowsOf<FacetRow>(result)) {
    const n = Number(row.n);
    if (row.facet === "total" || row.facet === "matches") facets[row.facet] = n;
    else facets[row.facet].push({ value: String(row.value), count: n, ...(row.label ? { label: row.label } : {}) });
  }
  facets.sdg.sort((a, b) => Number(a.value) - Number(b.value));
  return facets;
}
