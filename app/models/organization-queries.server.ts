// Reading organisations: the staff's list, one organisation's page, its edit form and its choices.
import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { countries, organizations, people } from "../../db/schema";
import type { Database } from "../../db/client";
import type { OrganizationInput } from "./organization-writes.server";
import { organizationOptions } from "./organization.server";
import { containsPattern } from "./people-queries.server";
import { citationsFor } from "./source.server";

const parents = alias(organizations, "parent");
const byName = [asc(sql`lower(${organizations.name}->>'en')`), asc(organizations.id)];

/** Every organisation by name, with its country and parent; `q` finds a name in either language or an acronym. */
export function listOrganizations(db: Database, q?: string) {
  const like = q ? containsPattern(q) : null;
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      acronym: organizations.acronym,
      kind: organizations.kind,
      countryName: countries.name,
      parentName: parents.name,
    })
    .from(organizations)
    .leftJoin(countries, eq(countries.code, organizations.countryCode))
    .leftJoin(parents, eq(parents.id, organizations.parentId))
    .where(
      like
        ? or(
            ilike(organizations.acronym, like),
            ilike(sql`${organizations.name}->>'en'`, like),
            ilike(sql`${organizations.name}->>'id'`, like),
          )
        : undefined,
    )
    .orderBy(...byName);
}

/** One organisation with its parent, the bodies under it and the people working there. */
export async function getOrganization(db: Database, id: number) {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      acronym: organizations.acronym,
      kind: organizations.kind,
      website: organizations.website,
      version: organizations.version,
      countryName: countries.name,
      parentId: organizations.parentId,
      parentName: parents.name,
    })
    .from(organizations)
    .leftJoin(countries, eq(countries.code, organizations.countryCode))
    .leftJoin(parents, eq(parents.id, organizations.parentId))
    .where(eq(organizations.id, id));
  if (!row) return null;
  const [children, staff, cited] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
      .from(organizations)
      .where(eq(organizations.parentId, id))
      .orderBy(...byName),
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(eq(people.organizationId, id))
      .orderBy(asc(people.name), asc(people.id)),
    citationsFor(db, "organization", [id]),
  ]);
  return { ...row, children, people: staff, sources: cited.get(id) ?? [] };
}

/** An organisation as its edit form starts, with its version. */
export async function getOrganizationForEdit(db: Database, id: number) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) return null;
  const input: OrganizationInput = {
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    countryCode: row.countryCode,
    parentId: row.parentId,
    website: row.website,
  };
  return { id: row.id, version: row.version, name: row.name, input };
}

/** What the organisation form offers: countries and the organisations a body may belong to. */
export async function organizationFormOptions(db: Database) {
  const [countryList, organizationList] = await Promise.all([
    db
      .select({ code: countries.code, name: countries.name })
      .from(countries)
      .orderBy(asc(sql`${countries.name}->>'en'`)),
    organizationOptions(db),
  ]);
  return { countries: countryList, organizations: organizationList };
}

export type OrganizationFormOptions = Awaited<ReturnType<typeof organizationFormOptions>>;
