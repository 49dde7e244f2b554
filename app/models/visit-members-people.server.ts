// People added from the delegation form: created in the save's own transaction, each audited.
import { eq, like, or } from "drizzle-orm";
import { people } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { slugify } from "./slug.server";

/** `base`, or `base-2`, `base-3`…: the first slug no person has taken. */
async function freePersonSlug(tx: Database, base: string) {
  const rows = await tx
    .select({ slug: people.slug })
    .from(people)
    .where(or(eq(people.slug, base), like(people.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Creates a person known by name (and organisation) only, with their audit row; returns the id. */
export async function addNamedPerson(
  tx: Database,
  actor: Actor,
  person: { name: string; organizationId: number | null },
): Promise<number> {
  const slug = await freePersonSlug(tx, slugify(person.name, 60, "person"));
  const [row] = await tx
    .insert(people)
    .values({ slug, name: person.name, organizationId: person.organizationId })
    .returning({ id: people.id });
  await recordAudit(tx, {
    actor,
    action: "create",
    entityType: "person",
    entityId: row!.id,
    after: { slug, name: person.name, organizationId: person.organizationId },
  });
  return row!.id;
}
