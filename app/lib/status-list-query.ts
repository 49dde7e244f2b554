/**
 * The address of a list filtered by one status and paged (the outbox, the enquiries): what it
 * says, and the address of another page of it. A status or page it does not know shows the first
 * page of all.
 */
export interface StatusListQuery<Status extends string> {
  status?: Status;
  page: number;
}

export function parseStatusListQuery<Status extends string>(
  params: URLSearchParams,
  statuses: readonly Status[],
): StatusListQuery<Status> {
  const status = params.get("status");
  const page = Number(params.get("page"));
  return {
    status: statuses.includes(status as Status) ? (status as Status) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function statusListSearch(query: StatusListQuery<string>): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `?${s}` : "?";
}
