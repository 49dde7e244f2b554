// Reading cases for staff: the list of working copies, one case with its publication, the form's choices.
import { asc, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { casePublications, cases, countries, organizations, sources, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { casePageSize, isRevision, type CaseSort } from "../lib/case-list";
import type { CaseStatus } from "../lib/enums";
import { organizationOptions } from "./organization.server";

/** One page of the working copies, filtered by status and sorted in the database, with the total. */
export async function listStaffCases(
  db: Database,
  {
    status,
    sort = "updated",
    page = 1,
    pageSize = casePageSize,
  }: { status?: CaseStatus; sort?: CaseSort; page?: number; pageSize?: number },
) {
  const where = status ? eq(cases.status, status) : undefined;
  const order =
    sort === "title"
      ? [asc(sql`lower(${cases.title}->>'en')`), asc(cases.id)]
      : [desc(cases.updatedAt), desc(cases.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cases.id,
        slug: cases.slug,
        title: cases.title,
        status: cases.status,
        sector: cases.sector,
        countryName: countries.name,
        updatedAt: cases.updatedAt,
        publishedVersion: casePublications.caseVersion,
      })
      .from(cases)
      .innerJoin(countries, eq(countries.code, cases.countryCode))
      .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return {
    cases: rows.map(({ publishedVersion, ...r }) => ({
      ...r,
      revisionPending: isRevision(r.status, publishedVersion),
    })),
    total: total?.n ?? 0,
  };
}

/** The working copy as the edit form starts from it. */
export async function getCaseForEdit(db: Database, id: number) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ?? null;
}

/** The stored rich texts, for a form sent back without JavaScript (see app/forms/case.server.ts). */
export async function getCaseTexts(db: Database, id: number) {
  const [row] = await db
    .select({ version: cases.version, lessonsRich: cases.lessonsRich, narrative: cases.narrative })
    .from(cases)
    .where(eq(cases.id, id));
  return row ?? null;
}

/** One case for its staff page: the working copy, the names it refers to, and what the public sees. */
export async function getStaffCase(db: Database, id: number) {
  const implementer = alias(organizations, "implementer");
  const contact = alias(organizations, "contact");
  const [row] = await db
    .select({
      case: cases,
      countryName: countries.name,
      organizationName: implementer.name,
      contactName: contact.name,
      editorName: users.name,
      publication: {
        caseVersion: casePublications.caseVersion,
        publishedAt: casePublications.publishedAt,
        title: casePublications.title,
      },
    })
    .from(cases)
    .innerJoin(countries, eq(countries.code, cases.countryCode))
    .leftJoin(implementer, eq(implementer.id, cases.organizationId))
    .leftJoin(contact, eq(contact.id, cases.contactOrganizationId))
    .leftJoin(users, eq(users.id, cases.editedBy))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(eq(cases.id, id));
  if (!row) return null;
  const publication = row.publication?.caseVersion == null ? null : row.publication;
  return { ...row, publication };
}

/** What the case form offers: countries, organisations, and the sources a result may cite. */
export async function caseFormOptions(db: Database) {
  const [countryRows, organizationRows, sourceRows] = await Promise.all([
    db
      .select({ code: countries.code, name: countries.name })
      .from(countries)
      .orderBy(asc(sql`${countries.name}->>'en'`)),
    organizationOptions(db),
    db
      .select({ slug: sources.slug, title: sources.title, publisher: sources.publisher })
      .from(sources)
      .orderBy(asc(sources.slug)),
  ]);
  return { countries: countryRows, organizations: organizationRows, sources: sourceRows };
}
export type CaseFormOptions = Awaited<ReturnType<typeof caseFormOptions>>;
