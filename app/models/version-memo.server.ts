import type { DataVersion } from "./data-version.server";

const entries = new Map<string, { version: string; value: Promise<unknown> }>();

/**
 * A small list read on every view of a page (the agreements and countries its filter offers),
 * kept by this process for as long as the data version it was read under is current. Every app
 * server checks the version in PostgreSQL on each request (the page's ETag reads it anyway), so a
 * change on any server is seen at once on all of them; nothing is kept that the database does not
 * vouch for. One entry per name: only the current version is ever asked for.
 *
 * `version` must have been read before `load` runs, so that what is kept is at least as new as
 * the version it is filed under. Without a version (no ETag on this request) nothing is kept.
 */
export function memoUnderVersion<T>(
  name: string,
  version: DataVersion | undefined,
  load: () => Promise<T>,
): Promise<T> {
  if (!version) return load();
  const key = `${version.auditId}:${version.auditRecent}`;
  const kept = entries.get(name);
  if (kept?.version === key) return kept.value as Promise<T>;
  const value = load();
  entries.set(name, { version: key, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(name)?.value === value) entries.delete(name);
  });
  return value;
}
