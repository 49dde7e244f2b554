// What the example scenario hangs on, read from what the seed wrote: the partnership, its two
// sides, an organiser on each, the agreement the example plan implements, and who owns follow-ups.
// Nothing here names a country: the demo's partnership decides.
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { liveStatuses } from "../models/dashboard-agreements.server";
import { demoAccounts } from "./demo-accounts.server";
import type { Side } from "./examples-scenario";

interface SideContext {
  country: string;
  timeZone: string;
  organizerId: number | null;
}

export interface ExampleContext {
  partnershipId: number;
  /** The agreement the example plan implements: the partnership's newest one still binding, if any. */
  parentId: number | null;
  sides: Record<Side, SideContext>;
  /** The account follow-ups are assigned to: the demo editor, or else any editor or admin. */
  ownerId: number | null;
}

/** The context on `today`, or null when the database holds no partnership of two countries. */
export async function exampleContext(tx: Database, today: string): Promise<ExampleContext | null> {
  const [partnership] = await tx
    .select({ id: t.partnerships.id })
    .from(t.partnerships)
    .orderBy(asc(t.partnerships.id))
    .limit(1);
  if (!partnership) return null;
  const countryRows = await tx
    .select({ code: t.partnershipCountries.countryCode, timeZone: t.countries.timeZone })
    .from(t.partnershipCountries)
    .innerJoin(t.countries, eq(t.countries.code, t.partnershipCountries.countryCode))
    .where(eq(t.partnershipCountries.partnershipId, partnership.id))
    .orderBy(asc(t.partnershipCountries.position), asc(t.partnershipCountries.countryCode));
  if (countryRows.length < 2) return null;

  const editorEmail = demoAccounts.find((a) => a.role === "editor")?.email ?? "";
  const [owner] = await tx
    .select({ id: t.users.id, organizationId: t.users.organizationId })
    .from(t.users)
    .where(and(inArray(t.users.role, ["editor", "admin"]), isNull(t.users.disabledAt)))
    .orderBy(desc(sql`${t.users.email} = ${editorEmail}`), asc(t.users.id))
    .limit(1);
  const organizations = await tx
    .select({ id: t.organizations.id, countryCode: t.organizations.countryCode })
    .from(t.organizations)
    .where(
      inArray(
        t.organizations.countryCode,
        countryRows.map((c) => c.code),
      ),
    )
    .orderBy(asc(t.organizations.id));
  // The owner's side is home, so the demo editor speaks for it; otherwise the first country.
  const ownerCountry = organizations.find((o) => o.id === owner?.organizationId)?.countryCode;
  const home = countryRows.find((c) => c.code === ownerCountry) ?? countryRows[0]!;
  const partner = countryRows.find((c) => c.code !== home.code)!;
  const side = (c: { code: string; timeZone: string }): SideContext => ({
    country: c.code,
    timeZone: c.timeZone,
    organizerId:
      (owner?.organizationId && c.code === ownerCountry ? owner.organizationId : null) ??
      organizations.find((o) => o.countryCode === c.code)?.id ??
      null,
  });

  const [parent] = await tx
    .select({ id: t.agreements.id })
    .from(t.agreements)
    .where(
      and(
        eq(t.agreements.partnershipId, partnership.id),
        eq(t.agreements.example, false),
        inArray(t.agreements.kind, ["mou", "renewal"]),
        inArray(t.agreements.status, [...liveStatuses]),
        or(isNull(t.agreements.inForceUntil), gte(t.agreements.inForceUntil, today)),
      ),
    )
    .orderBy(desc(t.agreements.inForceFrom), desc(t.agreements.id))
    .limit(1);

  return {
    partnershipId: partnership.id,
    parentId: parent?.id ?? null,
    sides: { home: side(home), partner: side(partner) },
    ownerId: owner?.id ?? null,
  };
}
