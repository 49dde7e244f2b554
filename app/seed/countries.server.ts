import { inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { recordAudit } from "../models/audit.server";
import { same } from "./same-values";
import { seedActor, type SeedRun } from "./seed-run.server";
import { storedRecords } from "./their-changes.server";

/** Countries are keyed by their code and carry no version: the code is their slug and audit id. */
export async function seedCountries(run: SeedRun, countries: Content["countries"]) {
  const codes = countries.map((c) => c.code);
  const rows = (await run.tx.select().from(t.countries).where(inArray(t.countries.code, codes))).map((r) => ({
    ...r,
    id: r.code,
    slug: r.code,
  }));
  const stored = await storedRecords(run.tx, "country", codes, rows);
  for (const c of countries) {
    const values = { code: c.code, name: c.name, timeZone: c.time_zone };
    const row = stored.row(c.code);
    if (row && same({ code: row.code, name: row.name, timeZone: row.timeZone }, values)) {
      run.count("unchanged");
      continue;
    }
    if ((row && stored.theirs(row)) || (!row && stored.deleted(c.code))) {
      run.leave("country", c.code, c.name.en, row ? "changed" : "deleted");
      continue;
    }
    await run.tx
      .insert(t.countries)
      .values(values)
      .onConflictDoUpdate({ target: t.countries.code, set: { name: c.name, timeZone: c.time_zone } });
    const before = row ? { code: row.code, name: row.name, timeZone: row.timeZone } : null;
    await recordAudit(run.tx, {
      actor: seedActor,
      action: row ? "update" : "create",
      entityType: "country",
      entityId: c.code,
      before,
      after: values,
    });
    run.count(row ? "updated" : "created");
  }
}
