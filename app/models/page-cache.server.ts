import { and, desc, eq, lt, notInArray, or, sql } from "drizzle-orm";
import { pageCache, type CachedPage } from "../../db/schema";
import type { Database } from "../../db/client";
import { latestAuditId, recentAuditCount, type AuditPosition } from "./audit.server";

export type PageEntry = Pick<CachedPage, "status" | "headers" | "nonce" | "body">;

/** How many pages one user may have stored at a time; their oldest go first. */
const pagesPerUser = 20;

/**
 * The page stored under `key` if it is still current, and in any case where the audit log stands:
 * a page rendered after this look-up is stored as of that position, so a change committed while
 * it renders makes it stale at once. One round trip, hit or miss.
 */
export async function findCachedPage(
  db: Database,
  key: string,
): Promise<{ page: PageEntry | null; position: AuditPosition }> {
  const [row] = await db
    .select({
      latest: latestAuditId,
      recent: recentAuditCount,
      auditId: pageCache.auditId,
      auditRecent: pageCache.auditRecent,
      status: pageCache.status,
      headers: pageCache.headers,
      nonce: pageCache.nonce,
      body: pageCache.body,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(pageCache, sql`${pageCache.key} = ${key} and ${pageCache.expiresAt} > now()`);
  const position = { auditId: Number(row?.latest ?? 0), auditRecent: Number(row?.recent ?? 0) };
  const current = row?.body != null && row.auditId === position.auditId && row.auditRecent === position.auditRecent;
  if (!current) return { page: null, position };
  return { page: { status: row.status!, headers: row.headers!, nonce: row.nonce, body: row.body! }, position };
}

/**
 * Stores a rendered page as of an audit position. Clears out what can no longer be served (pages
 * past their time or rendered before the latest change) and keeps each user's pages to the newest
 * few, so no one can fill the table by asking for ever new addresses.
 */
export async function storeCachedPage(
  db: Database,
  entry: PageEntry & { key: string; userId: number; position: AuditPosition; maxAgeMs: number },
) {
  const values = {
    key: entry.key,
    userId: entry.userId,
    auditId: entry.position.auditId,
    auditRecent: entry.position.auditRecent,
    expiresAt: new Date(Date.now() + entry.maxAgeMs),
    status: entry.status,
    headers: entry.headers,
    nonce: entry.nonce,
    body: entry.body,
  };
  const { key, ...changes } = values;
  await db.insert(pageCache).values(values).onConflictDoUpdate({ target: pageCache.key, set: changes });
  const newest = db
    .select({ key: pageCache.key })
    .from(pageCache)
    .where(eq(pageCache.userId, entry.userId))
    .orderBy(desc(pageCache.expiresAt))
    .limit(pagesPerUser);
  await db
    .delete(pageCache)
    .where(
      or(
        lt(pageCache.expiresAt, sql`now()`),
        lt(pageCache.auditId, entry.position.auditId),
        and(eq(pageCache.userId, entry.userId), notInArray(pageCache.key, newest)),
      ),
    );
}
