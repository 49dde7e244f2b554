// A person's positions: what they held, and when. A record shows the position on its own date.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { organizations, personPositions } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";

export type PositionOnDay = {
  title: LocalizedText;
  organizationId: number | null;
  organizationName: LocalizedText | null;
};

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
    })
    .from(personPositions)
    .leftJoin(organizations, eq(organizations.id, personPositions.organizationId))
    .where(
      and(
        inArray(personPositions.personId, ids),
        or(isNull(personPositions.startsOn), lte(personPositions.startsOn, day)),
        or(isNull(personPositions.endsOn), gte(personPositions.endsOn, day)),
      ),
    )
    .orderBy(asc(personPositions.personId), sql`${personPositions.startsOn} desc nulls last`, desc(personPositions.id));
  for (const row of rows) {
    held.set(row.personId, {
      title: row.title,
      organizationId: row.organizationId,
      organizationName: row.organizationName ?? null,
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
