// An agreement as its page heads it: the record, its parent, partnership and sides, signatories,
// the agreements that continue it and the tally of its commitments, in one prepared
// query.
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  follows,
  agreementSignatories,
  agreements,
  countries,
  partnershipCountries,
  partnerships,
  people,
} from "../../db/schema";
import type { Database } from "../../db/client";
import type { AgreementKind, AgreementStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { SourceInfo } from "../lib/source-info";
import { readTally, tallyColumns } from "./agreement-progress.server";
import { preparedOnce } from "./prepared.server";
import { titleOnSql } from "./person-positions.server";

export interface AgreementChild {
  id: number;
  title: LocalizedText;
  kind: AgreementKind;
  status: AgreementStatus;
  inForceFrom: string | null;
  inForceUntil: string | null;
}

/** A source as the agreement page cites it. */
export type CitedSource = SourceInfo & { id: number; slug: string };

/**
 * The agreement's page head, or null. The lists are subqueries of the one statement: each is an
 * index look-up of a few rows, and as queries of their own they cost the app and the database
 * more to send, parse and answer than the look-ups themselves.
 */
export async function agreementHead(db: Database, id: number, today: string, viewerId: number | null = null) {
  const [row] = await preparedOnce(db, "agreement_head", () => headQuery(db)).execute({ id, today, viewerId });
  if (!row) return null;
  const { statusCounts, overdueThisMonth, ...rest } = row;
  return {
    ...rest,
    tally: readTally({ statusCounts, overdueThisMonth }),
    parent: row.parent?.id ? row.parent : null,
    signatories: row.signatories ?? [],
    children: row.children ?? [],
    sides: row.sides ?? [],
  };
}

function headQuery(db: Database) {
  // A signatory's title as it was when the agreement was signed (today's for one not yet signed).
  const signedDay = sql`coalesce(${agreements.signedOn}, ${sql.placeholder("today")}::date)`;
  const parent = alias(agreements, "parent");
  const child = alias(agreements, "child");
  return db
    .select({
      agreement: agreements,
      parent: { id: parent.id, title: parent.title, kind: parent.kind },
      partnership: { id: partnerships.id, name: partnerships.name },
      signatories: sql<{ id: number; name: string; title: LocalizedText | null }[] | null>`(
        select json_agg(json_build_object('id', ${people.id}, 'name', ${people.name}, 'title', ${titleOnSql(people.id, signedDay)})
          order by ${people.name})
        from ${agreementSignatories} join ${people} on ${people.id} = ${agreementSignatories.personId}
        where ${agreementSignatories.agreementId} = ${agreements.id})`,
      children: sql<AgreementChild[] | null>`(
        select json_agg(json_build_object('id', ${child.id}, 'title', ${child.title}, 'kind', ${child.kind},
          'status', ${child.status}, 'inForceFrom', ${child.inForceFrom}, 'inForceUntil', ${child.inForceUntil})
          order by ${child.inForceFrom}, ${child.id})
        from ${agreements} ${sql.identifier("child")} where ${child.parentId} = ${agreements.id})`,
      sides: sql<{ code: string; name: LocalizedText }[] | null>`(
        select json_agg(json_build_object('code', ${countries.code}, 'name', ${countries.name})
          order by ${partnershipCountries.position})
        from ${partnershipCountries} join ${countries} on ${countries.code} = ${partnershipCountries.countryCode}
        where ${partnershipCountries.partnershipId} = ${agreements.partnershipId})`,
      /** Whether the viewer follows it, for the follow button. */
      following: sql<boolean>`exists(select 1 from ${follows} where ${follows.userId} = ${sql.placeholder("viewerId")}
        and ${follows.subjectType} = 'agreement' and ${follows.subjectId} = ${agreements.id})`,
      ...tallyColumns({
        agreementId: agreements.id,
        partnershipId: agreements.partnershipId,
        today: sql.placeholder("today"),
      }),
    })
    .from(agreements)
    .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
    .leftJoin(parent, eq(parent.id, agreements.parentId))
    .where(eq(agreements.id, sql.placeholder("id")))
    .prepare("agreement_head");
}
