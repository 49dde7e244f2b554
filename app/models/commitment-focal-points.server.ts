// Each side's focal point for a commitment: who may be one, and naming or removing one.
import { and, asc, eq, inArray } from "drizzle-orm";
import { commitmentFocalPoints, commitments, organizations, people } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { checkSide } from "./commitment-sides.server";
import { ConflictError, RuleError } from "./errors.server";
import { lockRow } from "./versioned.server";

/** People who may be a side's focal point: those working for an organization of that country. */
export async function focalPointCandidates(db: Database, countryCodes: string[]) {
  if (!countryCodes.length) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      countryCode: organizations.countryCode,
      organization: organizations.name,
      acronym: organizations.acronym,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(inArray(organizations.countryCode, countryCodes))
    .orderBy(asc(people.name), asc(people.id));
}

/**
 * Names (or, with `personId` null, removes) one side's focal point for a commitment. Null when
 * there is no such commitment; else the side's focal point now.
 */
export async function setFocalPoint(
  db: Database,
  actor: Actor,
  input: {
    commitmentId: number;
    countryCode: string;
    personId: number | null;
    /** The focal point the editor saw; someone else's change since then is a conflict. */
    previousPersonId?: number | null;
  },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockRow(tx, commitments, input.commitmentId);
    if (!commitment) return null;
    await checkSide(tx, commitment, input.countryCode);
    if (input.personId) {
      const [person] = await tx
        .select({ countryCode: organizations.countryCode })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(eq(people.id, input.personId));
      if (!person) throw new RuleError("personId", "validation.invalidChoice");
      if (person.countryCode !== input.countryCode) throw new RuleError("personId", "commitments.focalPointWrongSide");
    }
    const key = and(
      eq(commitmentFocalPoints.commitmentId, input.commitmentId),
      eq(commitmentFocalPoints.countryCode, input.countryCode),
    );
    const [before] = await tx.select().from(commitmentFocalPoints).where(key);
    if (input.previousPersonId !== undefined && (before?.personId ?? null) !== input.previousPersonId) {
      throw new ConflictError(commitment);
    }
    if ((before?.personId ?? null) === input.personId) return { focalPoint: before ?? null };
    let after: typeof before | null = null;
    if (input.personId) {
      [after] = await tx
        .insert(commitmentFocalPoints)
        .values({ commitmentId: input.commitmentId, countryCode: input.countryCode, personId: input.personId })
        .onConflictDoUpdate({
          target: [commitmentFocalPoints.commitmentId, commitmentFocalPoints.countryCode],
          set: { personId: input.personId },
        })
        .returning();
    } else {
      await tx.delete(commitmentFocalPoints).where(key);
    }
    await recordAudit(tx, {
      actor,
      action: "set_focal_point",
      entityType: "commitment",
      entityId: input.commitmentId,
      before: before ?? null,
      after,
    });
    return { focalPoint: after };
  });
}
