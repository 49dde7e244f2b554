import { inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import { createUser, updateUser } from "../models/user.server";
import { seedActor, type SeedRun } from "./seed-run.server";
import { storedRecords } from "./their-changes.server";

export const demoPassword = "jembatan-demo";

/** Each works for an organization of content/ (by slug), which makes them staff of one side. */
export const demoAccounts = [
  {
    email: "admin@example.org",
    name: "Demo Admin",
    role: "admin",
    timeZone: "Asia/Jakarta",
    organization: "kemenpanrb",
  },
  {
    email: "editor@example.org",
    name: "Demo Editor",
    role: "editor",
    timeZone: "Asia/Jakarta",
    organization: "kemenpanrb",
  },
  {
    email: "viewer@example.org",
    name: "Demo Viewer",
    role: "viewer",
    timeZone: "Asia/Baku",
    organization: "azerbaijan-state-agency-public-service-social-innovations",
  },
] as const;

/** The demo accounts, through the same model functions as /admin/users. */
export async function seedDemoAccounts(run: SeedRun) {
  const emails = demoAccounts.map((a) => a.email);
  const rows = (await run.tx.select().from(t.users).where(inArray(t.users.email, emails))).map((u) => ({
    ...u,
    slug: u.email,
  }));
  const stored = await storedRecords(run.tx, "user", emails, rows);
  for (const { organization, ...account } of demoAccounts) {
    const organizationId = run.optionalId("organization", organization);
    const existing = stored.row(account.email);
    if (!existing) {
      await createUser(run.tx, seedActor, { ...account, password: demoPassword, organizationId });
      run.count("created");
      continue;
    }
    // An account from before users had organizations gets its own; one that has an organization
    // keeps it, whoever set it, and so does one someone changed since the seed made it.
    if (existing.organizationId !== null || organizationId === null) run.count("unchanged");
    else if (stored.theirs(existing)) run.leave("user", account.email, account.name, "changed");
    else {
      await updateUser(run.tx, seedActor, { id: existing.id, version: existing.version, organizationId });
      run.count("updated");
    }
  }
}
