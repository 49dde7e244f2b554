import type { AwardKey, CaseSector } from "./enums";

export const librarySortKeys = ["relevance", "newest", "title"] as const;
export type LibrarySortKey = (typeof librarySortKeys)[number];

/** Whether a case still runs (no year it stopped) or has stopped. */
export const libraryStates = ["running", "stopped"] as const;
export type LibraryState = (typeof libraryStates)[number];

/** The library's search and filters, as they live in the URL's search parameters. */
export interface LibraryQuery {
  q?: string;
  country?: string;
  sector?: CaseSector;
  sdg?: number;
  award?: AwardKey;
  state?: LibraryState;
  /** Cases running in that year: started by then and not stopped before it. */
  year?: number;
  /** Relevance only with a search; without one "relevance" means newest. */
  sort: LibrarySortKey;
  page: number;
}

const filterKeys = ["q", "country", "sector", "sdg", "award", "state", "year"] as const;

/** The search string for a query, leaving out defaults so links stay short. */
export function libraryQueryString(query: LibraryQuery, changes: Partial<LibraryQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of filterKeys) if (q[key] !== undefined) params.set(key, String(q[key]));
  // The default order: by relevance with a search, newest without one.
  if (q.sort !== (q.q ? "relevance" : "newest")) params.set("sort", q.sort);
  if (q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Whether any filter (not the search) is set: the page offers to clear them. */
export function hasLibraryFilters(query: LibraryQuery): boolean {
  return filterKeys.some((key) => key !== "q" && query[key] !== undefined);
}
