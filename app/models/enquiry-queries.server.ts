// Reading enquiries: the staff inbox and one request, and the public case a visitor's request is for.
// The requester's name, organization, country and address are personal data: only staff pages read them.
import { and, count, desc, eq, or, sql } from "drizzle-orm";
import { activities, casePublications, cases, enquiries, users } from "../../db/schema";
import type { Database } from "../../db/client";
import type { EnquiryStatus } from "../lib/enums";

/** A published case by its public address (English or Indonesian), as the public reads it; null otherwise. */
export async function enquiryCaseBySlug(db: Database, slug: string) {
  const [found] = await db
    .select({ caseId: casePublications.caseId, slug: casePublications.slug, title: casePublications.title })
    .from(casePublications)
    .where(or(eq(casePublications.slug, slug), eq(casePublications.slugId, slug)));
  return found ?? null;
}

export const enquiryPageSize = 25;

// New requests first, then those under way; planned and closed ones after.
const statusRank = sql`case ${enquiries.status} when 'new' then 0 when 'in_progress' then 1 when 'planned' then 2 else 3 end`;

/** One page of the inbox, optionally of one status, with the total for the pager. */
export async function listEnquiries(db: Database, filter: { status?: EnquiryStatus; page: number }) {
  const where = filter.status ? eq(enquiries.status, filter.status) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: enquiries.id,
        status: enquiries.status,
        name: enquiries.name,
        organization: enquiries.organization,
        country: enquiries.country,
        createdAt: enquiries.createdAt,
        caseTitle: cases.title,
      })
      .from(enquiries)
      .leftJoin(cases, eq(cases.id, enquiries.caseId))
      .where(where)
      .orderBy(statusRank, desc(enquiries.createdAt), desc(enquiries.id))
      .limit(enquiryPageSize)
      .offset((filter.page - 1) * enquiryPageSize),
    db.select({ n: count() }).from(enquiries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One request with its case, the activity made of it and who handled it last. */
export async function getEnquiry(db: Database, id: number) {
  const [row] = await db
    .select({
      id: enquiries.id,
      status: enquiries.status,
      version: enquiries.version,
      name: enquiries.name,
      organization: enquiries.organization,
      country: enquiries.country,
      email: enquiries.email,
      message: enquiries.message,
      language: enquiries.language,
      createdAt: enquiries.createdAt,
      updatedAt: enquiries.updatedAt,
      caseId: enquiries.caseId,
      caseTitle: cases.title,
      publicSlug: casePublications.slug,
      activityId: enquiries.activityId,
      activityTitle: activities.title,
      handledBy: users.name,
    })
    .from(enquiries)
    .leftJoin(cases, eq(cases.id, enquiries.caseId))
    .leftJoin(casePublications, eq(casePublications.caseId, enquiries.caseId))
    .leftJoin(activities, eq(activities.id, enquiries.activityId))
    .leftJoin(users, eq(users.id, enquiries.handledBy))
    .where(eq(enquiries.id, id));
  return row ?? null;
}

/** How many requests nobody has looked at yet. */
export async function countNewEnquiries(db: Database) {
  const [row] = await db
    .select({ n: count() })
    .from(enquiries)
    .where(and(eq(enquiries.status, "new")));
  return row?.n ?? 0;
}
