// Reading people: the staff's paged list, one person's page, their edit form and its choices.
import { asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { activities, activityParticipants, organizations, people, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { organizationOptions } from "./organization.server";
import { positionInputs, type PersonInput } from "./people-writes.server";
import { positionsOf, positionsOn } from "./person-positions.server";
import { citationsFor } from "./source.server";
import { datedActivityFields } from "./activity.server";

export const peoplePageSize = 25;

/** `text` as a LIKE pattern that finds it anywhere, its own wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of people by name, with what they hold today and their organisation; `q` finds a name,
 * an organisation's name in either language or its acronym. Counted and paged in the database.
 */
export async function listPeople(
  db: Database,
  { q, page = 1, today }: { q?: string; page?: number; today: string },
  pageSize = peoplePageSize,
) {
  let where: SQL | undefined;
  if (q) {
    const like = containsPattern(q);
    where = or(
      ilike(people.name, like),
      ilike(organizations.acronym, like),
      ilike(sql`${organizations.name}->>'en'`, like),
      ilike(sql`${organizations.name}->>'id'`, like),
    );
  }
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        organization: organizations.name,
        acronym: organizations.acronym,
        example: people.example,
      })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(where)
      .orderBy(asc(sql`lower(${people.name})`), asc(people.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(where),
  ]);
  const held = await positionsOn(
    db,
    rows.map((r) => r.id),
    today,
  );
  return {
    people: rows.map((r) => ({ ...r, title: held.get(r.id)?.title ?? null })),
    total: total?.n ?? 0,
  };
}

/** One person with everything their page shows: contact details are for signed-in staff, as is the page. */
export async function getPerson(db: Database, id: number) {
  const [row] = await db
    .select({
      id: people.id,
      slug: people.slug,
      name: people.name,
      email: people.email,
      phone: people.phone,
      languages: people.languages,
      version: people.version,
      example: people.example,
      organizationId: people.organizationId,
      organization: organizations.name,
      acronym: organizations.acronym,
      userName: users.name,
      userEmail: users.email,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .leftJoin(users, eq(users.id, people.userId))
    .where(eq(people.id, id));
  if (!row) return null;
  const [positions, took, cited] = await Promise.all([
    positionsOf(db, id),
    db
      .select({
        ...datedActivityFields,
      })
      .from(activityParticipants)
      .innerJoin(activities, eq(activities.id, activityParticipants.activityId))
      .where(eq(activityParticipants.personId, id))
      .orderBy(desc(activities.startsAt), desc(activities.id)),
    citationsFor(db, "person", [id]),
  ]);
  return { ...row, positions, activities: took, sources: cited.get(id) ?? [] };
}

/** A person as their edit form starts: the stored fields with their positions, and the version. */
export async function getPersonForEdit(db: Database, id: number) {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  if (!row) return null;
  const input: PersonInput = {
    name: row.name,
    organizationId: row.organizationId,
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    userId: row.userId,
    positions: await positionInputs(db, id),
  };
  return { id: row.id, version: row.version, name: row.name, input };
}

/** What the person form offers: organisations, and the accounts a person may be linked to. */
export async function personFormOptions(db: Database) {
  const [organizationList, userList] = await Promise.all([
    organizationOptions(db),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(isNull(users.disabledAt))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { organizations: organizationList, users: userList };
}

export type PersonFormOptions = Awaited<ReturnType<typeof personFormOptions>>;
