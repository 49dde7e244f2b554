// The library's search: one page of published cases for the search and filters, with snippets
// and the filters' counts. Reads case_publications only.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import type { LibraryQuery } from "../lib/library-query";
import type { LocalizedText } from "../lib/localized";
import { libraryFacets, type LibraryFacets } from "./library-search-facets.server";
import {
  allOf,
  filterConditions,
  namesThreshold,
  rowsOf,
  searchMatch,
  searchRank,
  type SearchMode,
} from "./library-search-filter.server";
import { snippetFragments, type Snippet } from "./library-search-snippet.server";

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

type RawRow = Omit<LibraryCaseRow, "snippet"> & { snippet: string | null };

const configs = { en: "english", id: "indonesian" } as const;

function orderBy(query: LibraryQuery, mode: SearchMode, lang: Language): SQL {
  if (query.q && mode !== "none" && query.sort === "relevance")
    return sql`${searchRank(mode, query.q)} desc, published_at desc, case_id desc`;
  if (query.sort === "title")
    return lang === "id"
      ? sql`lower(coalesce(title->>'id', title->>'en')), case_id`
      : sql`lower(title->>'en'), case_id`;
  return sql`published_at desc, case_id desc`;
}

/**
 * The text a snippet is cut from, in the reader's language (English where a field has no
 * translation), without the control characters that mark the highlights.
 */
function snippetText(lang: Language): SQL {
  const field = (name: string) => `coalesce(p.${name}->>'${lang}', p.${name}->>'en', '')`;
  return sql.raw(
    `translate(${["summary", "problem", "solution", "innovation"].map(field).join(` || ' ' || `)}, E'\\x02\\x03', '')`,
  );
}

/** A snippet: where the words were found, ts_headline marks them; otherwise the summary's start. */
function snippetSql(query: LibraryQuery, mode: SearchMode, lang: Language): SQL {
  if (!query.q || mode !== "words") return sql`null`;
  const config = configs[lang];
  return sql`ts_headline(${sql.raw(`'${config}'`)}::regconfig, ${snippetText(lang)},
    websearch_to_tsquery(${sql.raw(`'${config}'`)}::regconfig, ${query.q}),
    'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`;
}

/** The page's rows, sorted and cut first; the snippets are made for those rows only. */
async function pageRows(
  db: Database,
  query: LibraryQuery,
  mode: SearchMode,
  options: { lang: Language; limit: number; offset: number },
): Promise<LibraryCaseRow[]> {
  const where = allOf(filterConditions(query), [searchMatch(mode, query.q)]);
  const result = await db.execute(sql`
    select p.case_id as "caseId", p.slug, p.slug_id as "slugId", p.title, p.summary,
           p.country_code as "countryCode", c.name as "countryName", p.sector,
           p.started_year as "startedYear", p.stopped_year as "stoppedYear",
           ${snippetSql(query, mode, options.lang)} as snippet
    from (
      select case_id, row_number() over (order by ${orderBy(query, mode, options.lang)}) as position
      from case_publications where ${where}
      order by position limit ${options.limit} offset ${options.offset}
    ) as page
    join case_publications p on p.case_id = page.case_id
    join countries c on c.code = p.country_code
    order by page.position`);
  return rowsOf<RawRow & { summary: LocalizedText }>(result).map(({ summary, snippet, ...row }) => ({
    ...row,
    snippet: snippetFragments(snippet, summary, options.lang),
  }));
}

export interface LibrarySearch extends LibraryFacets {
  rows: LibraryCaseRow[];
  pageSize: number;
  /** How the search found its cases: "names" when its words found none and similar names were looked for. */
  mode: SearchMode;
}

/**
 * One page of the library for `query`: the rows, how many match, and each filter's counts. A
 * search whose words find nothing is tried again against the cases' names by trigram
 * similarity, so a misspelt name ("xidmet", "pelayanann") still finds its case.
 */
export async function searchLibrary(
  db: Database,
  query: LibraryQuery,
  options: { lang: Language; pageSize?: number },
): Promise<LibrarySearch> {
  const pageSize = options.pageSize ?? libraryPageSize;
  const page = { lang: options.lang, limit: pageSize, offset: (query.page - 1) * pageSize };
  const mode: SearchMode = query.q ? "words" : "none";
  const [facets, rows] = await Promise.all([libraryFacets(db, query, mode), pageRows(db, query, mode, page)]);
  if (mode === "none" || facets.matches > 0) return { ...facets, rows, pageSize, mode };
  // pg_trgm's threshold for `<%` is a setting: lowered for this transaction only.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(namesThreshold)}, true)`);
    const byNames = await libraryFacets(tx, query, "names");
    const namesRows = byNames.total ? await pageRows(tx, query, "names", page) : [];
    return { ...byNames, rows: namesRows, pageSize, mode: "names" as const };
  });
}
