import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { loadStored, putCitations, putRecord } from "./content-records.server";
import { type SeedRun } from "./seed-run.server";

/** Library cases: the bulk path until the library gets a staff editor (and its model write functions). */
export async function seedCases(run: SeedRun, cases: Content["cases"]) {
  const stored = await loadStored(
    run,
    t.cases,
    "case",
    cases.map((k) => k.slug),
  );
  for (const k of cases) {
    const publishedAt = stored.row(k.slug)?.publishedAt as Date | null | undefined;
    const put = await putRecord(run, t.cases, "case", stored, {
      slug: k.slug,
      title: k.title.en,
      values: {
        title: k.title,
        countryCode: k.country,
        organizationId: run.optionalId("organization", k.organization),
        sector: k.sector,
        summary: k.summary,
        lessons: k.lessons,
        status: k.status,
        // The first publication time stays, so that seeding again is no change.
        publishedAt: k.status === "published" ? (publishedAt ?? new Date()) : null,
      },
    });
    if (put?.ours) await putCitations(run, "case", put.id, k.sources);
  }
}
