import { asc, eq } from "drizzle-orm";
import { countries, keyFigures, partnershipCountries, partnerships, sources } from "../../db/schema";
import type { Database } from "../../db/client";
import { sourceInfoColumns } from "./source-choices.server";

/** The partnership the landing page presents (the first one), its countries and key numbers. */
export async function getFeaturedPartnership(db: Database) {
  const [partnership] = await db.select().from(partnerships).orderBy(asc(partnerships.id)).limit(1);
  if (!partnership) return null;
  const [members, figures] = await Promise.all([
    db
      .select({ code: countries.code, name: countries.name })
      .from(partnershipCountries)
      .innerJoin(countries, eq(countries.code, partnershipCountries.countryCode))
      .where(eq(partnershipCountries.partnershipId, partnership.id))
      .orderBy(asc(partnershipCountries.position)),
    db
      .select({
        slug: keyFigures.slug,
        value: keyFigures.value,
        label: keyFigures.label,
        asOf: keyFigures.asOf,
        source: sourceInfoColumns,
      })
      .from(keyFigures)
      .leftJoin(sources, eq(sources.id, keyFigures.sourceId))
      .where(eq(keyFigures.partnershipId, partnership.id))
      .orderBy(asc(keyFigures.position)),
  ]);
  return { ...partnership, countries: members, figures };
}
