import type { Database } from "../../db/client";
import type { DataVersion } from "./data-version.server";

const kept = new WeakMap<Database, Map<string, { version: string; value: Promise<unknown> }>>();

/**
 * A small list read on every view of a page (the agreements and countries its filter offers),
 * kept by this process, per database handle, for as long as the data version it was read under
 * is current. Every app server checks the version in PostgreSQL on each request (the page's ETag
 * reads it anyway), so a change on any server is seen at once on all of them; nothing is kept
 * that the database does not vouch for. One entry per name: only the current version is asked for.
 *
 * `version` must have been read before `load` runs, so that what is kept is at least as new as
 * the version it is filed under. Without a version (no ETag on this request) nothing is kept.
 */
export function memoUnderVersion<T>(
  db: Database,
  name: string,
  version: DataVersion | undefined,
  load: () => PromiseLike<T>,
): Promise<T> {
  // A drizzle query runs again each time it is awaited: settle it once into a plain promise.
  if (!version) return Promise.resolve(load());
  let entries = kept.get(db);
  if (!entries) kept.set(db, (entries = new Map()));
  const key = `${version.auditId}:${version.auditRecent}`;
  const entry = entries.get(name);
  if (entry?.version === key) return entry.value as Promise<T>;
  const value = Promise.resolve(load());
  entries.set(name, { version: key, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(name)?.value === value) entries.delete(name);
  });
  return value;
}
