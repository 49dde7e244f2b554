import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { loadStored, putRecord } from "./content-records.server";
import { type SeedRun } from "./seed-run.server";

/** Sources: the bulk path, as the app has no editor for them. */
export async function seedSources(run: SeedRun, sources: Content["sources"]) {
  const stored = await loadStored(
    run,
    t.sources,
    "source",
    sources.map((s) => s.slug),
  );
  for (const src of sources) {
    // content.server.ts admits exactly one of the two.
    const title = src.headline ?? src.descriptive_title!;
    const put = await putRecord(run, t.sources, "source", stored, {
      slug: src.slug,
      title,
      values: {
        kind: src.kind,
        publisher: src.publisher,
        title,
        titleIsDescriptive: src.headline === undefined,
        language: src.language,
        publishedOn: src.published_on ?? null,
        url: src.url ?? null,
        quote: src.quote ?? null,
      },
    });
    if (put) run.remember("source", src.slug, put.id);
  }
}
