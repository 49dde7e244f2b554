// The library's search and filters as SQL over case_publications, the only table the public reads.
import { sql, type SQL } from "drizzle-orm";
import type { LibraryQuery } from "../lib/library-query";

/**
 * How a search finds cases: by its words (full text, both languages), or, when the words find
 * nothing, by how like a case's names it is (trigrams: "xidmet" finds "ASAN Xidmat").
 */
export type SearchMode = "none" | "words" | "names";

/** A filter's SQL, over columns named as case_publications names them (bare, so a CTE can use them too). */
export type FilterName = "country" | "sector" | "sdg" | "award" | "state" | "year";

/**
 * The word_similarity a case's names must reach for a search by names. pg_trgm's default, 0.6,
 * misses one wrong letter in a six-letter word ("xidmet" against "xidmat": 4 of 7 trigrams, 0.57).
 */
export const namesThreshold = 0.5;

/**
 * The library's statements are prepared once per search mode, filter values and sort, and run
 * with the search as their only parameters (`q` as the text search reads it, `typed` as typed):
 * building their SQL afresh cost more time in the
 * app than the database took to answer. The filters' values come from fixed lists or fixed forms
 * (a sector, a two-letter country, a goal's or a year's number), so they are written into the
 * SQL: sent as parameters, PostgreSQL planned every search afresh (its generic plan for "some
 * sector" costs more than the plan it finds for the actual one), about a millisecond a search.
 * These are the values, by placeholder name.
 */
export function queryValues(query: LibraryQuery): Record<string, string> {
  return query.q ? { q: forTextSearch(query.q), typed: query.q } : {};
}

const innerHyphen = /(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;
// A hyphenated word, with a hyphen before it that excludes it ("-one-stop"), at a word's start.
const hyphenated = /(?<!\S)-?[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/**
 * The search as the text-search parser reads hyphens. It indexes "one-stop-shop" as that whole and
 * as its parts ("one", "stop", "shop") side by side, so part of it ("one-stop") asked for a whole
 * the text does not hold and found nothing. A hyphenated word becomes the phrase of its parts:
 * `one-stop` is searched as `"one stop"` and `-one-stop` (without it) as `-"one stop"`; inside
 * quotes, already a phrase, its hyphens become spaces.
 */
export function forTextSearch(q: string): string {
  return q
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(innerHyphen, " ")
        : part.replace(hyphenated, (word) => {
            const without = word.startsWith("-") ? "-" : "";
            return `${without}"${word.slice(without.length).replace(innerHyphen, " ")}"`;
          }),
    )
    .join('"');
}

/** What a statement's name says of its query: the search mode and every filter's value. */
export function shapeOf(query: LibraryQuery, mode: SearchMode) {
  const set = (["country", "sector", "sdg", "award", "year"] as const)
    .filter((k) => query[k] !== undefined)
    .map((k) => `${k}=${query[k]}`);
  return [mode, ...set, query.state ?? ""].join(",");
}

/** A filter's value as SQL text: only the forms the query parser admits (checked again, as it becomes SQL). */
function written(value: string | number): SQL {
  if (typeof value === "number" ? !Number.isInteger(value) : !/^[A-Za-z_]{1,40}$/.test(value)) {
    throw new Error(`not a library filter value: ${String(value)}`);
  }
  return sql.raw(typeof value === "number" ? String(value) : `'${value}'`);
}

const q = sql.placeholder("q");
/** The search as typed, for what compares it with the cases' names as written. */
const typed = sql.placeholder("typed");

/**
 * The search's text-search queries, one per language's vector: parsed once per statement (scalar
 * subqueries). Azerbaijani words are matched as written ('simple'): PostgreSQL has no Azerbaijani
 * dictionary.
 */
export const tsQueries = () => ({
  en: sql`(select websearch_to_tsquery('english', ${q}))`,
  id: sql`(select websearch_to_tsquery('indonesian', ${q}))`,
  az: sql`(select websearch_to_tsquery('simple', ${q}))`,
});

/** Whether a case matches the search, in `mode`. */
export function searchMatch(mode: SearchMode): SQL | undefined {
  if (mode === "none") return undefined;
  if (mode === "names") return sql`${typed} <% names`;
  const ts = tsQueries();
  return sql`(search_en @@ ${ts.en} or search_id @@ ${ts.id} or search_az @@ ${ts.az})`;
}

/**
 * How well a case matches the search: title words weigh most (the vectors' weights A > B > C),
 * and a case whose name holds the search as typed ("asan xidmat") ranks above every other. That
 * test is a substring search of the names, not their trigram similarity: word_similarity costs
 * 20 µs a row, 200 ms for a word every one of 10,000 cases holds; strpos a fraction of that.
 */
export function searchRank(mode: SearchMode): SQL {
  if (mode === "names") return sql`word_similarity(${typed}, names)`;
  const ts = tsQueries();
  return sql`(ts_rank(search_en, ${ts.en}) + ts_rank(search_id, ${ts.id}) + ts_rank(search_az, ${ts.az}) + (strpos(names, lower(${typed})) > 0)::int)`;
}

/** Each filter the query sets, as SQL, its value written in (see queryValues). */
export function filterConditions(query: LibraryQuery): Partial<Record<FilterName, SQL>> {
  const c: Partial<Record<FilterName, SQL>> = {};
  if (query.country) c.country = sql`country_code = ${written(query.country)}`;
  if (query.sector) c.sector = sql`sector = ${written(query.sector)}`;
  if (query.sdg !== undefined) c.sdg = sql`sdg_goals @> array[${written(query.sdg)}]::smallint[]`;
  if (query.award) c.award = sql`award_keys @> array[${written(query.award)}]::text[]`;
  if (query.state) c.state = query.state === "running" ? sql`stopped_year is null` : sql`stopped_year is not null`;
  // Running in that year: started by then, and not stopped before it.
  if (query.year !== undefined)
    c.year = sql`(started_year <= ${written(query.year)} and (stopped_year is null or stopped_year >= ${written(query.year)}))`;
  return c;
}

/** The conditions joined by `and` (all but `except`), or `true`. */
export function allOf(
  conditions: Partial<Record<FilterName, SQL>>,
  extra: (SQL | undefined)[] = [],
  except?: FilterName,
) {
  const parts = [
    ...Object.entries(conditions)
      .filter(([name]) => name !== except)
      .map(([, condition]) => condition),
    ...extra,
  ].filter((x): x is SQL => x !== undefined);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** A raw statement's rows: postgres.js answers with the rows, PGlite with a result that holds them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
