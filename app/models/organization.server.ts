import { asc, eq, sql } from "drizzle-orm";
import { organizations, people } from "../../db/schema";
import type { Database } from "../../db/client";

/** Organizations as forms offer them, by name. */
export function organizationOptions(db: Database) {
  return db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
    .from(organizations)
    .orderBy(asc(sql`lower(${organizations.name}->>'en')`), asc(organizations.id));
}

/** People as forms offer them, by name, with the organization each works for. */
export function personOptions(db: Database) {
  return db
    .select({ id: people.id, name: people.name, organization: organizations.name, acronym: organizations.acronym })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .orderBy(asc(people.name), asc(people.id));
}

/** The organization with this slug (as content/ names it), or undefined. */
export async function organizationIdBySlug(db: Database, slug: string): Promise<number | undefined> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return row?.id;
}
