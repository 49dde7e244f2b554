import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { appSettings } from "../../db/schema";
import type { Database } from "../../db/client";
import { env } from "../env.server";

/**
 * The app's signing secret: SESSION_SECRET, or, without it (demo, development), one generated
 * once and kept in the database, so sessions survive restarts and every app server (and the
 * command line) signs alike. Session cookies and unsubscribe links use it.
 */
export async function storedSecret(db: Database): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const generated = randomBytes(32).toString("base64url");
  await db.insert(appSettings).values({ key: "session_secret", value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "session_secret"));
  return row!.value;
}
