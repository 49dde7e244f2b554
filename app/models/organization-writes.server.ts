// Creating and changing organisations: each change one transaction with its audit row.
import { eq } from "drizzle-orm";
import { countries, organizations } from "../../db/schema";
import type { Database } from "../../db/client";
import type { OrganizationKind } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface OrganizationInput {
  name: LocalizedText;
  acronym: string | null;
  kind: OrganizationKind;
  countryCode: string | null;
  parentId: number | null;
  website: string | null;
}

/**
 * The country must exist; a parent must exist, and following parents upwards must never come back
 * to this organisation (every organisation is locked while checking, so two edits cannot each
 * close half of a cycle).
 */
async function checkOrganization(tx: Database, input: OrganizationInput, selfId: number | null) {
  if (input.countryCode) {
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, input.countryCode));
    if (!country) throw new RuleError("countryCode", "validation.invalidChoice");
  }
  if (!input.parentId) return;
  if (input.parentId === selfId) throw new RuleError("parentId", "organizations.parentCycle");
  const all = await tx
    .select({ id: organizations.id, parentId: organizations.parentId })
    .from(organizations)
    .for(selfId === null ? "share" : "update");
  const parentOf = new Map(all.map((o) => [o.id, o.parentId]));
  if (!parentOf.has(input.parentId)) throw new RuleError("parentId", "validation.invalidChoice");
  if (selfId === null) return;
  const seen = new Set<number>();
  for (let at: number | null | undefined = input.parentId; at; at = parentOf.get(at)) {
    if (at === selfId) throw new RuleError("parentId", "organizations.parentCycle");
    if (seen.has(at)) break;
    seen.add(at);
  }
}

/** `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the English name. */
export async function createOrganization(
  db: Database,
  actor: Actor,
  input: OrganizationInput,
  options: { slug?: string } = {},
) {
  return db.transaction(async (tx) => {
    await checkOrganization(tx, input, null);
    const slug = options.slug ?? (await freeSlug(tx, "organization", slugify(input.acronym || input.name.en)));
    const [row] = await tx
      .insert(organizations)
      .values({ ...input, slug })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "organization", entityId: row!.id, after: row });
    return row!;
  });
}

/** Saves an edit made from `version`; null when the organisation is gone. */
export async function updateOrganization(
  db: Database,
  actor: Actor,
  id: number,
  version: number,
  input: OrganizationInput,
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, organizations, id, version);
    if (!before) return null;
    await checkOrganization(tx, input, id);
    const after = await saveVersion(tx, organizations, before, input);
    await recordAudit(tx, { actor, action: "update", entityType: "organization", entityId: id, before, after });
    return after;
  });
}
