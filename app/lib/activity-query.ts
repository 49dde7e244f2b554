import type { ActivityStatus, ActivityType } from "./enums";

export const activitySortKeys = ["startsAt", "title", "type", "status", "place", "agreement"] as const;
export type ActivitySortKey = (typeof activitySortKeys)[number];

/** The activities list's state, as it lives in the URL's search parameters. */
export interface ActivityQuery {
  type: ActivityType[];
  status: ActivityStatus[];
  country?: string;
  agreement?: number;
  commitment?: number;
  from?: string;
  to?: string;
  q?: string;
  sort: ActivitySortKey;
  dir: "asc" | "desc";
  page: number;
}

/** The search string for a query, leaving out defaults so links stay short. */
export function activityQueryString(query: ActivityQuery, changes: Partial<ActivityQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  q.type.forEach((t) => params.append("type", t));
  q.status.forEach((s) => params.append("status", s));
  for (const key of ["country", "agreement", "commitment", "from", "to", "q"] as const) {
    if (q[key] !== undefined) params.set(key, String(q[key]));
  }
  if (q.sort !== "startsAt" || q.dir !== "desc") {
    params.set("sort", q.sort);
    params.set("dir", q.dir);
  }
  if (q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
