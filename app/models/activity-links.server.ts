// An activity's links to commitments, organizers and participants, as sorted id lists.
import { and, eq, inArray } from "drizzle-orm";
import { activityCommitments, activityOrganizers, activityParticipants } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ActivityInput } from "./activity.server";

export interface LinkIds {
  commitmentIds: number[];
  organizerIds: number[];
  participantIds: number[];
}

export async function linkIds(db: Database, id: number): Promise<LinkIds> {
  const [c, o, p] = await Promise.all([
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
  ]);
  const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { commitmentIds: sorted(c), organizerIds: sorted(o), participantIds: sorted(p) };
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
}

export const noLinks: LinkIds = { commitmentIds: [], organizerIds: [], participantIds: [] };
export const linksOf = (input: ActivityInput): LinkIds => ({
  commitmentIds: [...input.commitmentIds].sort((a, b) => a - b),
  organizerIds: [...input.organizerIds].sort((a, b) => a - b),
  participantIds: [...input.participantIds].sort((a, b) => a - b),
});
