// Replication links between cases ("inspired by / adapted as"): each change one transaction with its
// audit row, under the chain's rules (no self link, no second link between the same two cases, no cycle).
import { and, eq, or, sql } from "drizzle-orm";
import { caseLinks, cases, countries, sources, type CaseLink } from "../../db/schema";
import type { Database } from "../../db/client";
import type { CaseLinkStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { lockRow, saveVersion } from "./versioned.server";

/** What an editor writes about a link: `toCaseId` took its idea from `fromCaseId`. */
export interface CaseLinkInput {
  fromCaseId: number;
  toCaseId: number;
  place: LocalizedText | null;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  year: number | null;
  status: CaseLinkStatus;
  note: LocalizedText | null;
  sourceId: number | null;
}

/** The audit log's entity type of a link. */
export const caseLinkEntity = "case_link";

/** Whether `toCaseId` already leads, through any links, back to `fromCaseId` (so a new link would close a cycle). */
async function leadsBack(tx: Database, fromCaseId: number, toCaseId: number, ignoreLinkId?: number) {
  const ignore = ignoreLinkId ?? 0;
  const result: unknown = await tx.execute(sql`
    with recursive down(case_id) as (
      select ${caseLinks.toCaseId} from ${caseLinks}
        where ${caseLinks.fromCaseId} = ${toCaseId} and ${caseLinks.id} <> ${ignore}
      union
      select l.to_case_id from case_links l join down on l.from_case_id = down.case_id
        where l.id <> ${ignore}
    )
    select 1 as found from down where case_id = ${fromCaseId} limit 1`);
  // postgres.js answers with the rows, PGlite with a result that holds them.
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows.length > 0;
}

/** The chain's rules, checked inside the transaction that writes the link. */
async function checkLink(tx: Database, input: CaseLinkInput, selfId?: number) {
  if (input.fromCaseId === input.toCaseId) throw new RuleError("otherCaseId", "replication.rules.self");
  const ids = [input.fromCaseId, input.toCaseId];
  const found = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(or(eq(cases.id, ids[0]!), eq(cases.id, ids[1]!)))
    // Locks both cases, so two editors linking them at once cannot both pass the checks below.
    .for("update");
  if (found.length !== 2) throw new RuleError("otherCaseId", "replication.rules.noCase");
  if (input.countryCode) {
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, input.countryCode));
    if (!country) throw new RuleError("countryCode", "validation.invalidChoice");
  }
  if (input.sourceId) {
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, input.sourceId));
    if (!source) throw new RuleError("sourceId", "validation.invalidChoice");
  }
  const pair = or(
    and(eq(caseLinks.fromCaseId, input.fromCaseId), eq(caseLinks.toCaseId, input.toCaseId)),
    and(eq(caseLinks.fromCaseId, input.toCaseId), eq(caseLinks.toCaseId, input.fromCaseId)),
  );
  const same = await tx.select({ id: caseLinks.id }).from(caseLinks).where(pair);
  if (same.some((l) => l.id !== selfId)) throw new RuleError("otherCaseId", "replication.rules.duplicate");
  if (await leadsBack(tx, input.fromCaseId, input.toCaseId, selfId)) {
    throw new RuleError("otherCaseId", "replication.rules.cycle");
  }
}

export async function createCaseLink(db: Database, actor: Actor, input: CaseLinkInput): Promise<CaseLink> {
  return db.transaction(async (tx) => {
    await checkLink(tx, input);
    const [created] = await tx.insert(caseLinks).values(input).returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: caseLinkEntity,
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
}

/** Saves a link over `version`; null when it is gone. Throws ConflictError if someone saved since. */
export async function updateCaseLink(
  db: Database,
  actor: Actor,
  { id, version, ...input }: CaseLinkInput & { id: number; version: number },
): Promise<CaseLink | null> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, caseLinks, id, version);
    if (!before) return null;
    await checkLink(tx, input, id);
    const after = await saveVersion(tx, caseLinks, before, input);
    await recordAudit(tx, { actor, action: "update", entityType: caseLinkEntity, entityId: id, before, after });
    return after;
  });
}

/** Removes a link as it stood at `version`; false when it was already gone. */
export async function deleteCaseLink(db: Database, actor: Actor, { id, version }: { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, caseLinks, id, version);
    if (!before) return false;
    await tx.delete(caseLinks).where(eq(caseLinks.id, id));
    await recordAudit(tx, { actor, action: "delete", entityType: caseLinkEntity, entityId: id, before });
    return true;
  });
}
