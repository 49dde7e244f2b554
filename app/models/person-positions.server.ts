// A person's positions: what they held, and when. A record shows the position on its own date.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organizations, personPositions } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";

export type PositionOnDay = {
  title: LocalizedText;
  organizationId: number | null;
  organizationName: LocalizedText | null;
  organizationAcronym: string | null;
};

/** Whether a position holds on `day`: an open start or end holds. */
const holdsOn = (day: string | SQL) =>
  and(
    or(isNull(personPositions.startsOn), lte(personPositions.startsOn, day)),
    or(isNull(personPositions.endsOn), gte(personPositions.endsOn, day)),
  );
/** Of the positions that hold, the one that started latest (an open start counts as earliest). */
const latestFirst = [sql`${personPositions.startsOn} desc nulls last`, desc(personPositions.id)];

/**
 * The title a person held on a day, as a subquery for a statement that reads people in SQL (a
 * prepared statement's JSON): the same rule as positionsOn. `day` is a date expression.
 */
export function titleOnSql(personId: AnyPgColumn, day: SQL): SQL<LocalizedText | null> {
  return sql<LocalizedText | null>`(select ${personPositions.title} from ${personPositions}
    where ${personPositions.personId} = ${personId} and ${holdsOn(day)}
    order by ${sql.join(latestFirst, sql`, `)} limit 1)`;
}

/**
 * The position each of these people held on `day` (YYYY-MM-DD), in one query: of the positions
 * whose dates hold that day (an open start or end holds), the one that started latest wins. People
 * with no position on that day are not in the map.
 */
export async function positionsOn(db: Database, personIds: number[], day: string): Promise<Map<number, PositionOnDay>> {
  const ids = [...new Set(personIds)];
  const held = new Map<number, PositionOnDay>();
  if (!ids.length) return held;
  const rows = await db
    .selectDistinctOn([personPositions.personId], {
      personId: personPositions.personId,
      title: personPositions.title,
      organizationId: personPositions.organizationId,
      organizationName: organizations.name,
      organizationAcronym: organizations.acronym,
    })
    .from(personPositions)
    .leftJoin(organizations, eq(organizations.id, personPositions.organizationId))
    .where(and(inArray(personPositions.personId, ids), holdsOn(day)))
    .orderBy(asc(personPositions.personId), ...latestFirst);
  for (const row of rows) {
    held.set(row.personId, {
      title: row.title,
      organizationId: row.organizationId,
      organizationName: row.organizationName ?? null,
      organizationAcronym: row.organizationAcronym ?? null,
    });
  }
  return held;
}

/** A person's positions as their page and form list them: the latest first, open starts last. */
export function positionsOf(db: Database, personId: number) {
  return db
    .select({
      id: personPositions.id,
      title: personPositions.title,
      organizationId: personPositions.organizationId,
      organizationName: organizations.name,
      organizationAcronym: organizations.acronym,
      startsOn: personPositions.startsOn,
      endsOn: personPositions.endsOn,
    })
    .from(personPositions)
    .leftJoin(organizations, eq(organizations.id, personPositions.organizationId))
    .where(eq(personPositions.personId, personId))
    .orderBy(sql`${personPositions.startsOn} desc nulls last`, desc(personPositions.id));
}
