import { lt, sql } from "drizzle-orm";
import { auditLog, pageCache, type CachedPage } from "../../db/schema";
import type { Database } from "../db.server";

export type PageEntry = Pick<CachedPage, "status" | "headers" | "nonce" | "body">;

/**
 * The page stored under `key` if it is still current, and in any case the newest audit row: a
 * page rendered after this look-up is stored as of that position, so a change made while it
 * renders makes it stale at once. One round trip, hit or miss.
 */
export async function findCachedPage(db: Database, key: string): Promise<{ page: PageEntry | null; position: number }> {
  const [row] = await db
    .select({
      position: sql<string>`(select coalesce(max(${auditLog.id}), 0) from ${auditLog})`,
      auditId: pageCache.auditId,
      status: pageCache.status,
      headers: pageCache.headers,
      nonce: pageCache.nonce,
      body: pageCache.body,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(pageCache, sql`${pageCache.key} = ${key} and ${pageCache.expiresAt} > now()`)
    .prepare("page_cache_find")
    .execute();
  const position = Number(row?.position ?? 0);
  if (!row || row.auditId !== position || row.body === null) return { page: null, position };
  return { page: { status: row.status!, headers: row.headers!, nonce: row.nonce, body: row.body }, position };
}

/** Stores a rendered page as of an audit position, and clears out pages past their time. */
export async function storeCachedPage(
  db: Database,
  entry: PageEntry & { key: string; position: number; maxAgeMs: number },
) {
  const values = {
    key: entry.key,
    auditId: entry.position,
    expiresAt: new Date(Date.now() + entry.maxAgeMs),
    status: entry.status,
    headers: entry.headers,
    nonce: entry.nonce,
    body: entry.body,
  };
  const { key, ...changes } = values;
  await db.insert(pageCache).values(values).onConflictDoUpdate({ target: pageCache.key, set: changes });
  await db.delete(pageCache).where(lt(pageCache.expiresAt, sql`now()`));
}
