// `agreementStateOf` (lib/agreement-status.ts) as an SQL expression, for lists that filter or sort
// by an agreement's status in the database. Each branch mirrors one line of the function, in the
// same order; tests/integration/agreement-status.test.ts holds the two to the same answers.
import { sql, type SQL } from "drizzle-orm";
import { agreements } from "../../db/schema";
import { type AgreementState, expiringDays } from "../lib/agreement-status";

/** Whether a renewal of the agreement has taken effect by `today` (`renewalInEffect`), on the parent index. */
const renewedBy = (today: string) =>
  sql`exists (select 1 from ${agreements} as renewal where renewal.parent_id = ${agreements.id} and renewal.kind = 'renewal' and renewal.status <> 'draft' and (renewal.in_force_from is null or renewal.in_force_from <= ${today}::date))`;

/** The status of the row of `agreements` (unaliased) in the query, on the calendar day `today`. */
export function agreementStateSql(today: string): SQL<AgreementState> {
  const a = agreements;
  return sql<AgreementState>`(case
    when ${a.status} in ('terminated', 'draft') then ${a.status}::text
    when ${renewedBy(today)} then 'renewed'
    when ${a.inForceUntil} < ${today}::date then 'expired'
    when ${a.inForceFrom} > ${today}::date then 'signed'
    when ${a.inForceFrom} is null and ${a.status} <> 'in_force' then ${a.status}::text
    when ${a.inForceUntil} - ${today}::date <= ${expiringDays} then 'expiring'
    else 'in_force'
  end)`;
}

/** The condition that the agreement's status is one of `states`. */
export const agreementStateIn = (today: string, states: readonly AgreementState[]) =>
  sql`${agreementStateSql(today)} in (${sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  )})`;
