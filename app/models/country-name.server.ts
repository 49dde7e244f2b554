import { eq } from "drizzle-orm";
import { countries } from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";

/** A country's name by its code, or null for a code no country has. */
export async function countryName(db: Database, code: string): Promise<LocalizedText | null> {
  const [row] = await db.select({ name: countries.name }).from(countries).where(eq(countries.code, code));
  return (row?.name as LocalizedText | undefined) ?? null;
}
