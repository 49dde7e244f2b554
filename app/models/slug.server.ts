import { eq, like, or } from "drizzle-orm";
import { agreements, commitments } from "../../db/schema";
import type { Database } from "../../db/client";

/** A readable address part from a title: lower-case ASCII words joined by hyphens, `fallback` if none. */
export function slugify(text: string, maxLength = 60, fallback = "item"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Letters of Azerbaijani (and a few others) that have no decomposition into a Latin base.
    .replace(/[ıəøđłß]/g, (c) => ({ ı: "i", ə: "e", ø: "o", đ: "d", ł: "l", ß: "ss" })[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`…: the first slug no record of the kind has taken. */
export async function freeSlug(tx: Database, kind: "agreement" | "commitment", base: string) {
  const table = kind === "agreement" ? agreements : commitments;
  const rows = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(or(eq(table.slug, base), like(table.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
