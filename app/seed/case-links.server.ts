import { and, eq, inArray, sql } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { caseLinkEntity, createCaseLink, updateCaseLink, type CaseLinkInput } from "../models/case-links-writes.server";
import { putThroughModel } from "./model-records.server";
import { pick } from "./same-values";
import { caseLinkKey as linkKey } from "./case-link-references";
import { seedActor, type SeedRun } from "./seed-run.server";
import { changedByOthers, type Stored } from "./their-changes.server";

type LinkContent = Content["caseLinks"][number];
type LinkRow = typeof t.caseLinks.$inferSelect;

const inputKeys: (keyof CaseLinkInput)[] = [
  "fromCaseId",
  "toCaseId",
  "place",
  "countryCode",
  "latitude",
  "longitude",
  "year",
  "status",
  "note",
  "sourceId",
];

/**
 * The stored links between the cases content/ links, by key, with who changed each last (the audit
 * log, as for every other kind: decision 11) and which ones someone deleted.
 */
async function storedLinks(
  run: SeedRun,
  caseIds: Map<string, number>,
  wanted: LinkContent[],
): Promise<Stored<LinkRow>> {
  const ids = [...caseIds.values()];
  const rows = ids.length
    ? await run.tx
        .select()
        .from(t.caseLinks)
        .where(and(inArray(t.caseLinks.fromCaseId, ids), inArray(t.caseLinks.toCaseId, ids)))
    : [];
  const pairKey = (from: number, to: number) => `${from}>${to}`;
  const byPair = new Map(rows.map((r) => [pairKey(r.fromCaseId, r.toCaseId), r]));
  const changed = await changedByOthers(
    run.tx,
    caseLinkEntity,
    rows.map((r) => r.id),
  );
  // A link's delete keeps its two cases in the audit row's `before`.
  const deleted = await run.tx
    .select({
      from: sql<string>`${t.auditLog.before}->>'fromCaseId'`,
      to: sql<string>`${t.auditLog.before}->>'toCaseId'`,
    })
    .from(t.auditLog)
    .where(
      and(
        eq(t.auditLog.entityType, caseLinkEntity),
        eq(t.auditLog.action, "delete"),
        sql`${t.auditLog.actorLabel} is distinct from 'seed'`,
      ),
    );
  const deletedPairs = new Set(deleted.map((d) => pairKey(Number(d.from), Number(d.to))));
  const pairOf = (key: string) => {
    const l = wanted.find((w) => linkKey(w) === key)!;
    return pairKey(caseIds.get(l.from) ?? 0, caseIds.get(l.to) ?? 0);
  };
  return {
    row: (key) => byPair.get(pairOf(key)),
    theirs: (row) => changed.has(String(row.id)),
    deleted: (key) => deletedPairs.has(pairOf(key)),
  };
}

/**
 * Replication links go through the model staff use (createCaseLink, updateCaseLink): its rules,
 * version and audit row. A link staff changed or deleted since the seed's last write stays as it is.
 */
export async function seedCaseLinks(run: SeedRun, links: Content["caseLinks"]) {
  if (!links.length) return;
  const slugs = [...new Set(links.flatMap((l) => [l.from, l.to]))];
  const cases = await run.tx
    .select({ id: t.cases.id, slug: t.cases.slug })
    .from(t.cases)
    .where(inArray(t.cases.slug, slugs));
  const caseIds = new Map(cases.map((c) => [c.slug, c.id]));
  const stored = await storedLinks(run, caseIds, links);
  for (const l of links) {
    const key = linkKey(l);
    const [fromCaseId, toCaseId] = [caseIds.get(l.from), caseIds.get(l.to)];
    // A case someone deleted in the app takes its links with it.
    if (fromCaseId === undefined || toCaseId === undefined) {
      run.leave("case link", key, key, "deleted");
      continue;
    }
    const input: CaseLinkInput = {
      fromCaseId,
      toCaseId,
      place: l.place ?? null,
      countryCode: l.country ?? null,
      latitude: l.latitude ?? null,
      longitude: l.longitude ?? null,
      year: l.year ?? null,
      status: l.status,
      note: l.note ?? null,
      sourceId: run.id("source", l.source),
    };
    await putThroughModel(run, stored, {
      kind: "case link",
      slug: key,
      title: key,
      wanted: input,
      current: (row) => ({ version: row.version, values: pick(row, inputKeys) }),
      create: () => createCaseLink(run.tx, seedActor, input),
      update: (id, version) => updateCaseLink(run.tx, seedActor, { ...input, id, version }),
    });
  }
}
