// The choices the activity list's filter form offers.
import { asc, eq } from "drizzle-orm";
import { agreements, commitments, countries } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ActivityQuery } from "../lib/activity-query";
import type { DataVersion } from "./data-version.server";
import { memoUnderVersion } from "./version-memo.server";

/**
 * The choices the filter form offers. Commitments are listed for the chosen agreement only:
 * there may be thousands of them, and a commitment belongs to one agreement anyway. The agreements
 * and countries, the same on every view, are kept while `version` (the request's) is current.
 */
export async function activityFilterOptions(db: Database, query: ActivityQuery, version?: DataVersion) {
  const commitmentScope = query.agreement
    ? eq(commitments.agreementId, query.agreement)
    : query.commitment
      ? eq(commitments.id, query.commitment)
      : undefined;
  const [agreementList, countryList, commitmentList] = await Promise.all([
    memoUnderVersion(db, "activity-filter-agreements", version, () =>
      db.select({ id: agreements.id, title: agreements.title }).from(agreements).orderBy(asc(agreements.id)),
    ),
    memoUnderVersion(db, "activity-filter-countries", version, () =>
      db.select({ code: countries.code, name: countries.name }).from(countries).orderBy(asc(countries.code)),
    ),
    commitmentScope
      ? db
          .select({ id: commitments.id, text: commitments.text })
          .from(commitments)
          .where(commitmentScope)
          .orderBy(asc(commitments.position), asc(commitments.id))
          .limit(500)
      : [],
  ]);
  return { agreements: agreementList, countries: countryList, commitments: commitmentList };
}
