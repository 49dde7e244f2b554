// An activity's links to commitments, organizers, participants and library cases, as sorted id lists.
import { and, eq, inArray } from "drizzle-orm";
import { activityCases, activityCommitments, activityOrganizers, activityParticipants } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ActivityInput } from "./activity.server";

export interface LinkIds {
  commitmentIds: number[];
  organizerIds: number[];
  participantIds: number[];
  /** The library cases the activity's lessons concern. */
  caseIds: number[];
}

export async function linkIds(db: Database, id: number): Promise<LinkIds> {
  const [c, o, p, k] = await Promise.all([
    db
      .select({ id: activityCommitments.commitmentId })
      .from(activityCommitments)
      .where(eq(activityCommitments.activityId, id)),
    db
      .select({ id: activityOrganizers.organizationId })
      .from(activityOrganizers)
      .where(eq(activityOrganizers.activityId, id)),
    db
      .select({ id: activityParticipants.personId })
      .from(activityParticipants)
      .where(eq(activityParticipants.activityId, id)),
    db.select({ id: activityCases.caseId }).from(activityCases).where(eq(activityCases.activityId, id)),
  ]);
  const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { commitmentIds: sorted(c), organizerIds: sorted(o), participantIds: sorted(p), caseIds: sorted(k) };
}

/** Makes one link table hold exactly `wanted`, leaving kept rows (and a participant's role) alone. */
async function syncLinks(
  current: number[],
  wanted: number[],
  remove: (ids: number[]) => Promise<unknown>,
  add: (ids: number[]) => Promise<unknown>,
) {
  const gone = current.filter((id) => !wanted.includes(id));
  const added = wanted.filter((id) => !current.includes(id));
  if (gone.length) await remove(gone);
  if (added.length) await add(added);
}

export async function writeLinks(tx: Database, activityId: number, current: LinkIds, wanted: LinkIds) {
  await syncLinks(
    current.commitmentIds,
    wanted.commitmentIds,
    (ids) =>
      tx
        .delete(activityCommitments)
        .where(and(eq(activityCommitments.activityId, activityId), inArray(activityCommitments.commitmentId, ids))),
    (ids) => tx.insert(activityCommitments).values(ids.map((commitmentId) => ({ activityId, commitmentId }))),
  );
  await syncLinks(
    current.organizerIds,
    wanted.organizerIds,
    (ids) =>
      tx
        .delete(activityOrganizers)
        .where(and(eq(activityOrganizers.activityId, activityId), inArray(activityOrganizers.organizationId, ids))),
    (ids) => tx.insert(activityOrganizers).values(ids.map((organizationId) => ({ activityId, organizationId }))),
  );
  await syncLinks(
    current.participantIds,
    wanted.participantIds,
    (ids) =>
      tx
        .delete(activityParticipants)
        .where(and(eq(activityParticipants.activityId, activityId), inArray(activityParticipants.personId, ids))),
    (ids) => tx.insert(activityParticipants).values(ids.map((personId) => ({ activityId, personId }))),
  );
  await syncLinks(
    current.caseIds,
    wanted.caseIds,
    (ids) =>
      tx.delete(activityCases).where(and(eq(activityCases.activityId, activityId), inArray(activityCases.caseId, ids))),
    (ids) => tx.insert(activityCases).values(ids.map((caseId) => ({ activityId, caseId }))),
  );
}

export const noLinks: LinkIds = { commitmentIds: [], organizerIds: [], participantIds: [], caseIds: [] };
/** The links `input` asks for; cases it does not name stay as `current` has them. */
export const linksOf = (input: ActivityInput, current: LinkIds = noLinks): LinkIds => ({
  commitmentIds: [...input.commitmentIds].sort((a, b) => a - b),
  organizerIds: [...input.organizerIds].sort((a, b) => a - b),
  participantIds: [...input.participantIds].sort((a, b) => a - b),
  caseIds: input.caseIds ? [...new Set(input.caseIds)].sort((a, b) => a - b) : current.caseIds,
});
