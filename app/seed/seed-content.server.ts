import type { Database } from "../../db/client";
import { loadContent, type Content } from "./content.server";
import { logger } from "../server/logger.server";
import { seedActivities } from "./activities.server";
import { seedAgreements } from "./agreements.server";
import { seedCaseLinks } from "./case-links.server";
import { seedCases } from "./cases.server";
import { seedCountries } from "./countries.server";
import { seedDemoAccounts } from "./demo-accounts.server";
import { seedOrganizations, seedPartnerships, seedPeople } from "./partners.server";
import { SeedRun, type SeedStats } from "./seed-run.server";
import { seedExamples, utcToday } from "./examples.server";
import { demoModeKey, getSetting, seededKey, setSeedFlag } from "./settings.server";
import { seedSources } from "./sources.server";
import { seedVisits } from "./visits.server";

export type { LeftAlone, SeedStats } from "./seed-run.server";

/**
 * Loads content/ into the database in one transaction, through the models where the app edits the
 * kind of record and the bulk path where it does not (docs/decisions/0011). A record someone
 * changed or deleted since the seed last wrote it is left as it is and listed in `leftAlone`.
 */
export async function seedContent(
  db: Database,
  /** `examples` (default: `demo`) writes the demo's example scenario; tests of content/ alone leave it out. */
  options: { demo: boolean; examples?: boolean; content?: Content; today?: string },
): Promise<SeedStats> {
  const content = options.content ?? loadContent();
  return db.transaction(async (tx) => {
    const run = new SeedRun(tx);
    await seedCountries(run, content.countries);
    await seedSources(run, content.sources);
    await seedPartnerships(run, content.partnerships);
    await seedOrganizations(run, content.organizations);
    await seedPeople(run, content.people);
    await seedAgreements(run, content.agreements);
    await seedActivities(run, content.activities);
    await seedVisits(run, content.activities);
    await seedCases(run, content.cases);
    await seedCaseLinks(run, content.caseLinks);
    if (options.demo) {
      await seedDemoAccounts(run);
      await setSeedFlag(tx, demoModeKey);
      // The demo's example scenario, dated from today (app/seed/examples-scenario.ts): never without --demo.
      if (options.examples ?? true) {
        const examples = await seedExamples(tx, options.today ?? utcToday());
        run.stats.created += examples.created;
      }
    }
    await setSeedFlag(tx, seededKey);
    return run.stats;
  });
}

/** The embedded database seeds itself once; after that, what people changed is theirs. Null if it had been. */
export async function seedIfEmpty(db: Database, options: { demo: boolean; examples?: boolean }) {
  if (await getSetting(db, seededKey)) return null;
  const stats = await seedContent(db, options);
  logger.info({ created: stats.created }, "Seeded the demo content");
  return stats;
}
