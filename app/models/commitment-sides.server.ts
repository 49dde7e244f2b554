// The sides of a commitment: the countries of its agreement's partnership, which name focal points and confirm.
import { asc, eq, inArray } from "drizzle-orm";
import { agreements, countries, partnershipCountries, type Commitment } from "../../db/schema";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { RuleError } from "./errors.server";

export interface Side {
  partnershipId: number;
  code: string;
  name: LocalizedText;
}

/** The countries of partnerships, in their stated order: the "sides" that name focal points and confirm. */
export function sidesOf(db: Database, partnershipIds: number[]): Promise<Side[]> {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .select({ partnershipId: partnershipCountries.partnershipId, code: countries.code, name: countries.name })
    .from(partnershipCountries)
    .innerJoin(countries, eq(countries.code, partnershipCountries.countryCode))
    .where(inArray(partnershipCountries.partnershipId, partnershipIds))
    .orderBy(asc(partnershipCountries.partnershipId), asc(partnershipCountries.position));
}

/** The countries of the partnership a commitment's agreement belongs to. */
export async function sidesOfCommitment(tx: Database, commitment: Commitment) {
  const [agreement] = await tx
    .select({ partnershipId: agreements.partnershipId })
    .from(agreements)
    .where(eq(agreements.id, commitment.agreementId));
  return sidesOf(tx, [agreement!.partnershipId]);
}

export async function checkSide(tx: Database, commitment: Commitment, countryCode: string) {
  const sides = await sidesOfCommitment(tx, commitment);
  if (!sides.some((s) => s.code === countryCode)) throw new RuleError("countryCode", "commitments.notASide");
  return sides;
}
