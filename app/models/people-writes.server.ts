// Creating and changing people with their positions: each change one transaction with its audit row.
import { asc, eq, inArray } from "drizzle-orm";
import { organizations, people, personPositions, users, type Person } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";
import { recordAudit, type Actor } from "./audit.server";
import { DuplicateError, RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface PositionInput {
  title: LocalizedText;
  organizationId: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** What an editor writes about a person: the person, and every position they held. */
export interface PersonInput {
  name: string;
  organizationId: number | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  userId: number | null;
  positions: PositionInput[];
}

/** A person as the audit log keeps them: the row and its positions, so a conflict can show both. */
export type AuditedPerson = Person & { positions: PositionInput[] };

const byStart = (a: PositionInput, b: PositionInput) =>
  (a.startsOn ?? "").localeCompare(b.startsOn ?? "") ||
  (a.endsOn ?? "9999").localeCompare(b.endsOn ?? "9999") ||
  a.title.en.localeCompare(b.title.en);

/** Positions in the one order they are stored and compared in: earliest start first, an open start before any. */
export const inPositionOrder = (positions: PositionInput[]) => [...positions].sort(byStart);

/** A person's stored positions, in that order, as the model takes them. */
export async function positionInputs(db: Database, personId: number): Promise<PositionInput[]> {
  return db
    .select({
      title: personPositions.title,
      organizationId: personPositions.organizationId,
      startsOn: personPositions.startsOn,
      endsOn: personPositions.endsOn,
    })
    .from(personPositions)
    .where(eq(personPositions.personId, personId))
    .orderBy(asc(personPositions.id));
}

/** The references a person's input makes must exist; a user account belongs to one person at most. */
async function checkPerson(tx: Database, input: PersonInput, selfId: number | null) {
  const orgIds = [input.organizationId, ...input.positions.map((p) => p.organizationId)].filter(
    (id): id is number => id !== null,
  );
  const found = orgIds.length
    ? new Set(
        (
          await tx
            .select({ id: organizations.id })
            .from(organizations)
            .where(inArray(organizations.id, [...new Set(orgIds)]))
        ).map((o) => o.id),
      )
    : new Set<number>();
  if (input.organizationId !== null && !found.has(input.organizationId)) {
    throw new RuleError("organizationId", "validation.invalidChoice");
  }
  input.positions.forEach((p, i) => {
    if (p.organizationId !== null && !found.has(p.organizationId)) {
      throw new RuleError(`positionOrganizationId[${i}]`, "validation.invalidChoice");
    }
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) {
      throw new RuleError(`positionEndsOn[${i}]`, "people.endsBeforeStarts");
    }
  });
  if (input.userId !== null) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new RuleError("userId", "validation.invalidChoice");
    const [holder] = await tx.select({ id: people.id }).from(people).where(eq(people.userId, input.userId));
    if (holder && holder.id !== selfId) throw new DuplicateError("userId", "people.userTaken");
  }
}

async function writePositions(tx: Database, personId: number, positions: PositionInput[]) {
  await tx.delete(personPositions).where(eq(personPositions.personId, personId));
  if (positions.length) await tx.insert(personPositions).values(positions.map((p) => ({ ...p, personId })));
}

const personValues = ({ positions: _positions, ...values }: PersonInput) => ({
  ...values,
  languages: [...new Set(values.languages)],
});

/**
 * A new person. `options.slug` fixes the address (the seed keeps content/'s); otherwise the name's.
 * `options.example` marks a made-up person of the demo's example scenario.
 */
export async function createPerson(
  db: Database,
  actor: Actor,
  input: PersonInput,
  options: { slug?: string; example?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    await checkPerson(tx, input, null);
    const slug = options.slug ?? (await freeSlug(tx, "person", slugify(input.name)));
    const [row] = await tx
      .insert(people)
      .values({ ...personValues(input), slug, example: options.example ?? false })
      .returning();
    const positions = inPositionOrder(input.positions);
    await writePositions(tx, row!.id, positions);
    const after: AuditedPerson = { ...row!, positions };
    await recordAudit(tx, { actor, action: "create", entityType: "person", entityId: row!.id, after });
    return after;
  });
}

/** The person with their positions, as audited. */
export async function auditedPerson(tx: Database, row: Person): Promise<AuditedPerson> {
  return { ...row, positions: await positionInputs(tx, row.id) };
}

/** Saves an edit made from `version`, positions and all; null when the person is gone. */
export async function updatePerson(db: Database, actor: Actor, id: number, version: number, input: PersonInput) {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, people, id, version, (r) => auditedPerson(tx, r));
    if (!row) return null;
    const before = await auditedPerson(tx, row);
    await checkPerson(tx, input, id);
    const updated = await saveVersion(tx, people, row, personValues(input));
    const positions = inPositionOrder(input.positions);
    await writePositions(tx, id, positions);
    const after: AuditedPerson = { ...updated, positions };
    await recordAudit(tx, { actor, action: "update", entityType: "person", entityId: id, before, after });
    return after;
  });
}
