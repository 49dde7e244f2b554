// "Did you mean …?": a search that found nothing, its unknown words each replaced by the closest
// word the published cases hold (library_words, kept by a trigger on case_publications).
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

/**
 * The search with each word the library does not hold (four letters or more) replaced by the most
 * similar one it does (pg_trgm similarity, ties to the more common word); null when no word could
 * be replaced. One statement, whatever the number of words.
 */
export async function suggestSearch(db: Database, q: string): Promise<string | null> {
  const result: unknown = await db.execute(sql`
    select string_agg(coalesce(s.word, q.word), ' ' order by q.n) as suggestion,
           bool_or(s.word is not null) as changed
    from unnest(regexp_split_to_array(lower(${q.slice(0, 200)}), '[\\s,.;:!?"()]+')) with ordinality as q(word, n)
    left join lateral (
      select w.word from library_words w
      where length(q.word) >= 4
        and not exists (select 1 from library_words known where known.word = q.word)
        and w.word % q.word
      order by similarity(w.word, q.word) desc, w.cases desc, w.word
      limit 1
    ) as s on true
    where q.word <> ''`);
  // postgres.js answers with the rows, PGlite with a result that holds them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    suggestion: string | null;
    changed: boolean | null;
  }[];
  const [row] = rows;
  return row?.changed ? row.suggestion : null;
}
