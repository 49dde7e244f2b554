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
 * The fixed lists' counts, each a `count(*) filter (…)`: the value's condition, counted where every
 * other filter than its facet's holds.
 */
const fixedCounts: {
  facet: Exclude<FilterName, "country" | "year">;
  value: string;
  when: SQL;
}[] = [
  ...caseSectors.map((v) => ({ facet: "sector" as const, value: v, when: sql.raw(`sector = '${v}'`) })),
  ...sdgGoals.map((g) => ({
    facet: "sdg" as const,
    value: String(g),
    when: sql.raw(`sdg_goals @> '{${g}}'::smallint[]`),
  })),
  ...awardKeys.map((v) => ({
    facet: "award" as const,
    value: v,
    when: sql.raw(`award_keys @> '{${v}}'::text[]`),
  })),
  ...libraryStates.map((v) => ({
    facet: "state" as const,
    value: v,
    when: sql.raw(`stopped_year is ${v === "running" ? "" : "not "}null`),
  })),
];

type FacetRow = { value: string; n: number; label: LocalizedText | null; counts: number[] };

/**
 * Every facet's counts in one statement, one pass over the cases the search matches (found through
 * the full-text or trigram index), grouped by country: a group's row holds its country's count and
 * the fixed lists' counts among its cases, which are then added up over the countries. (Counting
 * from a materialized list of the matches, once for the countries and once for the rest, cost the
 * database a fifth more.) Each facet counts with every other filter applied but its own, the
 * usual faceting rule: choosing a sector shows how many cases each other sector would have, not
 * zeros.
 */
export async function libraryFacets(db: Database, query: LibraryQuery, mode: SearchMode): Promise<LibraryFacets> {
  const name = `library_facets:${shapeOf(query, mode)}`;
  const rows = await preparedOnce(db, name, () => facetsStatement(db, query, mode, name)).execute(queryValues(query));
  const facets: LibraryFacets = { country: [], sector: [], sdg: [], award: [], state: [], total: 0, matches: 0 };
  const sums = new Array<number>(fixedCounts.length + 2).fill(0);
  for (const row of rows) {
    row.counts.forEach((n, i) => (sums[i] = sums[i]! + Number(n)));
    const n = Number(row.n);
    if (n) facets.country.push({ value: row.value, count: n, ...(row.label ? { label: row.label } : {}) });
  }
  fixedCounts.forEach((f, i) => {
    if (sums[i]) facets[f.facet].push({ value: f.value, count: sums[i]! });
  });
  facets.total = sums[fixedCounts.length]!;
  facets.matches = sums[fixedCounts.length + 1]!;
  return facets;
}

function facetsStatement(db: Database, query: LibraryQuery, mode: SearchMode, name: string) {
  const match = searchMatch(mode) ?? sql`true`;
  const c = filterConditions(query);
  const counted = (facet: FilterName, when: SQL) => sql`count(*) filter (where ${allOf(c, [], facet)} and ${when})`;
  const counts = sql.join(
    fixedCounts.map((f) => counted(f.facet, f.when)),
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
        select country_code::text as value, count(*) filter (where ${allOf(c, [], "country")})::int as n,
               (select name from countries where code = country_code) as label,
               array[${counts}, count(*) filter (where ${allOf(c)}), count(*)]::int[] as counts
          from case_publications where ${match}
          group by country_code
      ) as facets`,
    )
    .prepare(name);
}
