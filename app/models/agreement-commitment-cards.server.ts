// One page of an agreement's commitments with what each card shows, in a single query.
import { asc, eq, sql } from "drizzle-orm";
import {
  activityCommitments,
  commitmentConfirmations,
  commitmentEvidence,
  commitmentFocalPoints,
  commitmentMilestones,
  commitments,
  organizations,
  people,
  users,
} from "../../db/schema";
import type { Database } from "../../db/client";
import { fixedLimit, fixedOffsetKey, pageOffset, preparedOnce } from "./prepared.server";

// What the subqueries below hand back as JSON: timestamps arrive as text.
interface FocalPointJson {
  countryCode: string;
  name: string;
}
interface ConfirmationJson {
  countryCode: string;
  confirmedAt: string;
  onBehalf: boolean;
  userId: number | null;
  userName: string | null;
}
/**
 * A page of the agreement's commitments in their order, each with its focal points' names, milestone
 * and evidence counts, confirmations and how many activities serve it. The card's details are
 * subqueries of the one query (a page has ten rows, each subquery an index look-up): a query each,
 * as before, cost the database more to parse, plan and answer than the look-ups themselves.
 * Which activities those are is the commitment page's to show: finding each card's latest ones
 * meant sorting all its activities by date, and sending and rendering them was a fifth of the
 * agreement page's cost (npm run bench).
 */
export async function commitmentCards(
  db: Database,
  agreementId: number,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const offset = (page - 1) * pageSize;
  const name = `commitment_cards_${pageSize}_${fixedOffsetKey(offset, pageSize)}`;
  const rows = await preparedOnce(db, name, () => cardsQuery(db, pageSize, offset)).execute({
    agreementId,
    offset,
  });
  return rows.map(({ focal, milestoneCounts, confirmations, ...row }) => ({
    ...row,
    /** Each side's focal point by name (their title is the commitment page's to show). */
    focalPoints: Object.fromEntries(
      (focal ?? []).map(({ countryCode, name }): [string, string] => [countryCode, name]),
    ),
    milestones: { done: Number(milestoneCounts?.[0] ?? 0), total: Number(milestoneCounts?.[1] ?? 0) },
    evidenceCount: Number(row.evidenceCount),
    confirmations: (confirmations ?? []).map((r) => ({
      countryCode: r.countryCode,
      confirmedAt: new Date(r.confirmedAt),
      confirmedBy: r.userId ? { id: r.userId, name: r.userName! } : null,
      onBehalf: r.onBehalf,
    })),
    activityCount: Number(row.activityCount),
  }));
}

/**
 * The page is chosen first, in a subquery, and the card details are computed for its rows only:
 * with the details beside an outer LIMIT/OFFSET, PostgreSQL computed them for every row before the
 * offset too (page 400 of an agreement of 5,000 commitments took 0.7 s). The page size is part of
 * the statement rather than a placeholder, and so is a first page's offset (pageOffset), so the
 * planner knows a page is ten rows and keeps one generic plan instead of planning each request
 * afresh.
 */
function cardsQuery(db: Database, pageSize: number, offset: number) {
  const page = db
    .select({
      id: commitments.id,
      slug: commitments.slug,
      text: commitments.text,
      area: commitments.area,
      status: commitments.status,
      dueOn: commitments.dueOn,
      example: commitments.example,
      version: commitments.version,
      position: commitments.position,
      responsibleOrganizationId: commitments.responsibleOrganizationId,
    })
    .from(commitments)
    .where(eq(commitments.agreementId, sql.placeholder("agreementId")))
    .orderBy(asc(commitments.position), asc(commitments.id))
    .limit(fixedLimit(pageSize))
    .offset(pageOffset(offset, pageSize))
    .as("page");
  const c = page.id;
  return db
    .select({
      id: c,
      slug: page.slug,
      text: page.text,
      area: page.area,
      status: page.status,
      dueOn: page.dueOn,
      example: page.example,
      version: page.version,
      responsible: organizations.name,
      responsibleAcronym: organizations.acronym,
      focal: sql<FocalPointJson[] | null>`(
        select json_agg(json_build_object('countryCode', ${commitmentFocalPoints.countryCode}, 'name', ${people.name}))
        from ${commitmentFocalPoints} join ${people} on ${people.id} = ${commitmentFocalPoints.personId}
        where ${commitmentFocalPoints.commitmentId} = ${c})`,
      // Done and all, in one look-up: [done, total].
      milestoneCounts: sql<
        [number, number] | null
      >`(select array[count(${commitmentMilestones.completedOn}), count(*)]::int[] from ${commitmentMilestones} where ${commitmentMilestones.commitmentId} = ${c})`,
      evidenceCount: sql<number>`(select count(*) from ${commitmentEvidence} where ${commitmentEvidence.commitmentId} = ${c})`,
      confirmations: sql<ConfirmationJson[] | null>`(
        select json_agg(json_build_object('countryCode', ${commitmentConfirmations.countryCode},
          'confirmedAt', ${commitmentConfirmations.confirmedAt}, 'onBehalf', ${commitmentConfirmations.onBehalf},
          'userId', ${users.id}, 'userName', ${users.name}) order by ${commitmentConfirmations.confirmedAt})
        from ${commitmentConfirmations} left join ${users} on ${users.id} = ${commitmentConfirmations.confirmedBy}
        where ${commitmentConfirmations.commitmentId} = ${c})`,
      activityCount: sql<number>`(select count(*) from ${activityCommitments} where ${activityCommitments.commitmentId} = ${c})`,
    })
    .from(page)
    .leftJoin(organizations, eq(organizations.id, page.responsibleOrganizationId))
    .orderBy(asc(page.position), asc(c))
    .prepare("commitment_cards");
}
