import { eq, like, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agreements, cases, commitments, organizations, people } from "../../db/schema";
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

/**
 * `base`, or `base-2`, `base-3`…: the first slug no record of the kind has taken. A case's
 * address is its English slug or its Indonesian one, so a new case avoids both.
 */
export async function freeSlug(
  tx: Database,
  kind: "agreement" | "commitment" | "case" | "person" | "organization",
  base: string,
) {
  const near = (column: AnyPgColumn) => or(eq(column, base), like(column, `${base}-%`));
  const table = {
    case: cases,
    agreement: agreements,
    commitment: commitments,
    person: people,
    organization: organizations,
  }[kind];
  const slugId = kind === "case" ? cases.slugId : sql<null>`null`;
  const rows = await tx
    .select({ slug: table.slug, slugId })
    .from(table)
    .where(kind === "case" ? or(near(cases.slug), near(cases.slugId)) : near(table.slug));
  const taken = new Set(rows.flatMap((r) => [r.slug, r.slugId]));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
