// How many cases each filter value would leave, for the search as it stands.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { awardKeys, caseSectors } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { libraryStates, type LibraryQuery } from "../lib/library-query";
import {
  allOf,
  filterConditions,
  queryValues,
  searchMatch,
  shapeOf,
  type FilterName,
  type SearchMode,
} from "./library-search-filter.server";
import { preparedOnce } from "./prepared.server";

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

const sdgGoals = Array.from({ length: 17 }, (_, i) => i + 1);

/**
 * The fixed lists' counts, each `count(*) filter (…)` over the matches in one pass: each value's
 * condition, and its facet's "every other filter" flag (`ok_<facet>`, worked out once per row).
 */
const fixedCounts: {
  facet: Exclude<keyof LibraryFacets, "country" | "total" | "matches">;
  value: string;
  when: SQL;
}[] = [
  ...caseSectors.map((v) => ({ facet: "sector" as const, value: v, when: sql.raw(`ok_sector and sector = '${v}'`) })),
  ...sdgGoals.map((g) => ({
    facet: "sdg" as const,
    value: String(g),
    when: sql.raw(`ok_sdg and sdg_goals @> '{${g}}'::smallint[]`),
  })),
  ...awardKeys.map((v) => ({
    facet: "award" as const,
    value: v,
    when: sql.raw(`ok_award and award_keys @> '{${v}}'::text[]`),
  })),
  ...libraryStates.map((v) => ({
    facet: "state" as const,
    value: v,
    when: sql.raw(`ok_state and stopped_year is ${v === "running" ? "" : "not "}null`),
  })),
];

const facetNames: FilterName[] = ["country", "sector", "sdg", "award", "state"];

type FacetRow = { value: string | null; n: number | null; label: LocalizedText | null; counts: number[] | null };

/**
 * Every facet's counts in one statement. The cases the search matches are found once (the CTE,
 * through the full-text or trigram index) and read once for the fixed lists (sectors, goals,
 * awards, running or stopped) and once for the countries. Each facet counts with every other
 * filter applied but its own, the usual faceting rule: choosing a sector shows how many cases
 * each other sector would have, not zeros.
 */
export async function libraryFacets(db: Database, query: LibraryQuery, mode: SearchMode): Promise<LibraryFacets> {
  const name = `library_facets:${shapeOf(query, mode)}`;
  const rows = await preparedOnce(db, name, () => facetsStatement(db, query, mode, name)).execute(queryValues(query));
  const facets: LibraryFacets = { country: [], sector: [], sdg: [], award: [], state: [], total: 0, matches: 0 };
  for (const row of rows) {
    if (row.counts) {
      const n = row.counts.map(Number);
      fixedCounts.forEach((f, i) => {
        if (n[i]) facets[f.facet].push({ value: f.value, count: n[i] });
      });
      facets.total = n[fixedCounts.length] ?? 0;
      facets.matches = n[fixedCounts.length + 1] ?? 0;
    } else if (row.value) {
      facets.country.push({ value: row.value, count: Number(row.n), ...(row.label ? { label: row.label } : {}) });
    }
  }
  return facets;
}

function facetsStatement(db: Database, query: LibraryQuery, mode: SearchMode, name: string) {
  const match = searchMatch(mode) ?? sql`true`;
  const c = filterConditions(query);
  const flags = sql.join(
    facetNames.map((name) => sql`${allOf(c, [], name)} as ${sql.raw(`ok_${name}`)}`),
    sql`, `,
  );
  const counts = sql.join(
    fixedCounts.map((f) => sql`count(*) filter (where ${f.when})`),
    sql`, `,
  );
  return db
    .select({
      value: sql<FacetRow["value"]>`value`,
      n: sql<FacetRow["n"]>`n`,
      label: sql<FacetRow["label"]>`label`,
      counts: sql<FacetRow["counts"]>`counts`,
    })
    .from(
      sql`(
        with m as materialized (
          select country_code, sector, sdg_goals, award_keys, stopped_year, ${flags}, ${allOf(c)} as ok_all
          from case_publications where ${match}
        )
        select country_code::text as value, count(*)::int as n,
               (select name from countries where code = m.country_code) as label, null::int[] as counts
          from m where ok_country group by country_code
        union all
        select null, null, null, array[${counts}, count(*) filter (where ok_all), count(*)]::int[] from m
      ) as facets`,
    )
    .prepare(name);
}
