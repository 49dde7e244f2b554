// The library's search: one page of published cases for the search and filters, with snippets
// and the filters' counts. Reads case_publications only.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import type { LibraryQuery } from "../lib/library-query";
import type { LocalizedText } from "../lib/localized";
import type { DataVersion } from "./data-version.server";
import { libraryFacets, type LibraryFacets } from "./library-search-facets.server";
import { memoUnderVersion } from "./version-memo.server";
import {
  allOf,
  filterConditions,
  namesThreshold,
  queryValues,
  searchMatch,
  searchRank,
  shapeOf,
  type SearchMode,
} from "./library-search-filter.server";
import { fixedLimit, fixedOffsetKey, pageOffset, preparedOnce } from "./prepared.server";
import { snippetFragments, type Snippet } from "./library-search-snippet.server";
import { suggestSearch } from "./library-suggestion.server";

export const libraryPageSize = 20;

export interface LibraryCaseRow {
  caseId: number;
  slug: string;
  slugId: string | null;
  title: LocalizedText;
  countryCode: string;
  countryName: LocalizedText;
  sector: string;
  startedYear: number | null;
  stoppedYear: number | null;
  /** The reader's language's summary and text around the search's words, the words marked. */
  snippet: Snippet;
}

// Azerbaijani has no text-search configuration of its own; its readers' snippets fall back to English text.
const configs = { en: "english", id: "indonesian", az: "simple" } as const;

/**
 * The sort: the columns the page's subquery selects to sort by, and the order over them (`at`
 * names the relation: the subquery sorts its own rows, the outer query keeps that order).
 */
function sortSpec(query: LibraryQuery, mode: SearchMode, lang: Language): { columns: SQL; order: (at: string) => SQL } {
  const by = (keys: string) => (at: string) => sql.raw(keys.replaceAll("@", at ? `${at}.` : ""));
  if (query.q && mode !== "none" && query.sort === "relevance")
    return {
      columns: sql`${searchRank(mode)} as rank, published_at, case_id`,
      order: by("@rank desc, @published_at desc, @case_id desc"),
    };
  if (query.sort === "title")
    return {
      columns:
        lang === "id"
          ? sql`lower(coalesce(title->>'id', title->>'en')) as sort_title, case_id`
          : sql`lower(title->>'en') as sort_title, case_id`,
      order: by("@sort_title, @case_id"),
    };
  // Newest first: the publication date's index gives the first page without reading the rest.
  return { columns: sql`published_at, case_id`, order: by("@published_at desc, @case_id desc") };
}

/**
 * The text a snippet is cut from, in the reader's language (English where a field has no
 * translation), without the control characters that mark the highlights: the summary, or the
 * summary and the body.
 */
function snippetText(lang: Language, fields: readonly string[]): SQL {
  const field = (name: string) => `coalesce(p.${name}->>'${lang}', p.${name}->>'en', '')`;
  return sql.raw(`translate(${fields.map(field).join(` || ' ' || `)}, E'\\x02\\x03', '')`);
}

/**
 * A snippet: where the words were found, ts_headline marks them; otherwise the summary's start.
 * When the summary holds the words (its lexemes carry weight B in the search vector, so this needs
 * no parsing), the snippet is the summary with them marked; only otherwise is the body parsed for
 * the passage that holds them. ts_headline parses all the text it is given, and parsing the body
 * of twenty cases was half of a search's page query.
 */
function snippetSql(mode: SearchMode, lang: Language): SQL {
  if (mode !== "words") return sql`null`;
  const config = sql.raw(`'${configs[lang]}'::regconfig`);
  const vector = sql.raw(`p.search_${lang}`);
  const query = sql`websearch_to_tsquery(${config}, ${sql.placeholder("q")})`;
  const headline = (fields: readonly string[]) =>
    sql`ts_headline(${config}, ${snippetText(lang, fields)}, ${query},
      'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`;
  return sql`case when ts_filter(${vector}, '{b}') @@ (select ${query})
    then ${headline(["summary"])} else ${headline(["summary", "problem", "solution", "innovation"])} end`;
}

/** The page's rows, sorted and cut first; the snippets are made for those rows only. */
async function pageRows(
  db: Database,
  query: LibraryQuery,
  mode: SearchMode,
  options: { lang: Language; limit: number; offset: number },
): Promise<LibraryCaseRow[]> {
  // The first pages' offsets are written in too (prepared.server.ts); later pages share one statement.
  const offsetKey = fixedOffsetKey(options.offset, options.limit);
  const name = `library_rows:${[shapeOf(query, mode), query.sort, options.lang, options.limit, offsetKey].join(":")}`;
  const rows = await preparedOnce(db, name, () => rowsStatement(db, query, mode, { ...options, name })).execute({
    ...queryValues(query),
    offset: options.offset,
  });
  return rows.map(({ summary, snippet, ...row }) => ({
    ...row,
    snippet: snippetFragments(snippet, summary, options.lang),
  }));
}

/**
 * The page's statement. Its size, and the first pages' offsets, are written in (fixedLimit), so
 * PostgreSQL can keep a page's plan rather than plan each view afresh.
 */
function rowsStatement(
  db: Database,
  query: LibraryQuery,
  mode: SearchMode,
  options: { lang: Language; limit: number; offset: number; name: string },
) {
  const where = allOf(filterConditions(query), [searchMatch(mode)]);
  const sort = sortSpec(query, mode, options.lang);
  const column = <T>(name: string) => sql<T>`${sql.identifier(name)}`;
  return db
    .select({
      caseId: column<number>("caseId"),
      slug: column<string>("slug"),
      slugId: column<string | null>("slugId"),
      title: column<LocalizedText>("title"),
      summary: column<LocalizedText>("summary"),
      countryCode: column<string>("countryCode"),
      countryName: column<LocalizedText>("countryName"),
      sector: column<string>("sector"),
      startedYear: column<number | null>("startedYear"),
      stoppedYear: column<number | null>("stoppedYear"),
      snippet: column<string | null>("snippet"),
    })
    .from(
      sql`(
        select p.case_id as "caseId", p.slug, p.slug_id as "slugId", p.title, p.summary,
               p.country_code as "countryCode", c.name as "countryName", p.sector,
               p.started_year as "startedYear", p.stopped_year as "stoppedYear",
               ${snippetSql(mode, options.lang)} as snippet,
               row_number() over (order by ${sort.order("page")}) as ord
        from (
          select ${sort.columns} from case_publications where ${where}
          order by ${sort.order("")} limit ${fixedLimit(options.limit)}
          offset ${pageOffset(options.offset, options.limit)}
        ) as page
        join case_publications p on p.case_id = page.case_id
        join countries c on c.code = p.country_code
      ) as rows`,
    )
    .orderBy(sql`ord`)
    .prepare(options.name);
}

/**
 * The counts of the library without a search, filtered by at most one filter, kept while the
 * data version is current: they count every case (a pass over the whole table, the dearest part
 * of such a page) and are the same for every visitor who opens the library or picks one filter.
 * A few hundred combinations at most; anything narrower is counted afresh.
 */
function memoizedFacets(db: Database, query: LibraryQuery, version: DataVersion | undefined) {
  if (query.q || !version) return undefined;
  const filters = (["country", "sector", "sdg", "award", "state", "year"] as const).filter(
    (k) => query[k] !== undefined,
  );
  if (filters.length > 1) return undefined;
  const key = filters.map((k) => `${k}=${query[k]}`).join("");
  return memoUnderVersion(db, `library-facets:${key}`, version, () => libraryFacets(db, query, "none"));
}

export interface LibrarySearch extends LibraryFacets {
  rows: LibraryCaseRow[];
  pageSize: number;
  /** How the search found its cases: "names" when its words found none and similar names were looked for. */
  mode: SearchMode;
  /** When nothing was found: the search with its unknown words replaced by the closest known ones. */
  suggestion: string | null;
}

/**
 * One page of the library for `query`: the rows, how many match, and each filter's counts. A
 * search whose words find nothing is tried again against the cases' names by trigram
 * similarity, so a misspelt name ("xidmet", "pelayanann") still finds its case; when that finds
 * nothing either, the search comes back with a suggestion ("malria" → "malaria").
 */
export async function searchLibrary(
  db: Database,
  query: LibraryQuery,
  options: { lang: Language; pageSize?: number; version?: DataVersion },
): Promise<LibrarySearch> {
  const pageSize = options.pageSize ?? libraryPageSize;
  const page = { lang: options.lang, limit: pageSize, offset: (query.page - 1) * pageSize };
  const mode: SearchMode = query.q ? "words" : "none";
  const [facets, rows] = await Promise.all([
    memoizedFacets(db, query, options.version) ?? libraryFacets(db, query, mode),
    pageRows(db, query, mode, page),
  ]);
  if (mode === "none" || facets.matches > 0) return { ...facets, rows, pageSize, mode, suggestion: null };
  // pg_trgm's threshold for `<%` is a setting: lowered for this transaction only.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(namesThreshold)}, true)`);
    const byNames = await libraryFacets(tx, query, "names");
    const namesRows = byNames.total ? await pageRows(tx, query, "names", page) : [];
    const suggestion = byNames.total ? null : await suggestSearch(tx, query.q!);
    return { ...byNames, rows: namesRows, pageSize, mode: "names" as const, suggestion };
  });
}
