import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit } from "../models/audit.server";
import { seedActor } from "./seed-run.server";

/** Set once content/ has been loaded: the embedded database seeds itself only before that. */
export const seededKey = "content_seeded_at";
/** Set when the demo accounts exist: the sign-in page then tells their password. */
export const demoModeKey = "demo_mode";

/** Sets a flag the seed keeps, once: a flag already set is left as it is. */
export async function setSeedFlag(tx: Database, key: typeof seededKey | typeof demoModeKey) {
  const added = await tx
    .insert(t.appSettings)
    .values({ key, value: "true" })
    .onConflictDoNothing({ target: t.appSettings.key })
    .returning({ key: t.appSettings.key });
  if (added.length) {
    await recordAudit(tx, {
      actor: seedActor,
      action: "create",
      entityType: "setting",
      entityId: key,
      after: { value: "true" },
    });
  }
}

export async function getSetting(db: Database, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(t.appSettings).where(eq(t.appSettings.key, key));
  return row?.value;
}
