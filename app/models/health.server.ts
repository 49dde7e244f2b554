import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

export async function pingDatabase(db: Database) {
  await db.execute(sql`select 1`);
}
