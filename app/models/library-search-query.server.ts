// The library's search and filters from the URL, read leniently: a shared link should still open.
import { z } from "zod";
import { awardKeys, caseSectors, type AwardKey, type CaseSector } from "../lib/enums";
import { librarySortKeys, libraryStates, type LibraryQuery } from "../lib/library-query";

/** Anything odd in a URL is ignored rather than refused. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Longer searches are cut, not refused: nobody types more, and the database's work stays bounded. */
export const maxQueryLength = 100;
/** At most this many words of a search are used. */
export const maxQueryWords = 8;
/** Beyond this a page is no page of anything a person reads; it would only cost an offset scan. */
export const maxPage = 500;

const querySchema = z.object({
  q: lenient(z.string()),
  country: lenient(z.string().regex(/^[A-Z]{2}$/)),
  sector: lenient(z.enum(caseSectors as unknown as [CaseSector, ...CaseSector[]])),
  sdg: lenient(z.coerce.number().int().min(1).max(17)),
  award: lenient(z.enum(awardKeys as unknown as [AwardKey, ...AwardKey[]])),
  state: lenient(z.enum(libraryStates)),
  year: lenient(z.coerce.number().int().min(1900).max(2100)),
  sort: z.enum(librarySortKeys).catch("relevance"),
  page: z.coerce.number().int().min(1).max(maxPage).catch(1),
});

/**
 * A search as the database gets it: at most `maxQueryLength` characters and `maxQueryWords`
 * words, control characters gone (they mark the highlights of snippets), spaces collapsed.
 */
export function cleanSearch(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const words = raw
    .slice(0, maxQueryLength * 2)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxQueryWords);
  const q = words.join(" ").slice(0, maxQueryLength).trim();
  // Only punctuation finds nothing and means nothing: no search.
  return /[\p{L}\p{N}]/u.test(q) ? q : undefined;
}

/** The library's state lives in the URL: `?q=asan&sector=public_service_delivery&page=2`. */
export function parseLibraryQuery(params: URLSearchParams): LibraryQuery {
  const pick = (name: string) => params.get(name) || undefined;
  const parsed = querySchema.parse({
    q: pick("q"),
    country: pick("country")?.toUpperCase(),
    sector: pick("sector"),
    sdg: pick("sdg"),
    award: pick("award"),
    state: pick("state"),
    year: pick("year"),
    sort: pick("sort"),
    page: pick("page"),
  });
  const q = cleanSearch(parsed.q);
  const query: LibraryQuery = { sort: parsed.sort, page: parsed.page };
  if (q) query.q = q;
  for (const key of ["country", "sector", "sdg", "award", "state", "year"] as const) {
    if (parsed[key] !== undefined) (query as unknown as Record<string, unknown>)[key] = parsed[key];
  }
  // Relevance needs a search; without one the list is newest first, and says so.
  if (!query.q && query.sort === "relevance") query.sort = "newest";
  return query;
}
