import type { SeedStats } from "./seed-run.server";

/** What `npm run db:seed` prints: the counts, then each record it left alone and why. */
export function seedSummary(driver: string, stats: SeedStats): string[] {
  return [
    `Seeded ${driver}: ${stats.created} created, ${stats.updated} updated, ${stats.unchanged} unchanged, ` +
      `${stats.leftAlone.length} left alone.`,
    ...stats.leftAlone.map(
      (r) =>
        `  left alone: ${r.kind} ${r.key} "${r.title}" (${r.reason === "deleted" ? "deleted" : "changed"} in the app)`,
    ),
  ];
}
