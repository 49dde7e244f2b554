import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { loadStored, putCitations, putLinks, putRecord } from "./content-records.server";
import { type SeedRun } from "./seed-run.server";

/*
 * The partnership with its countries and key figures, and the organizations and people of it: the
 * bulk path, as the app has no editor for them.
 */

export async function seedPartnerships(run: SeedRun, partnerships: Content["partnerships"]) {
  const stored = await loadStored(
    run,
    t.partnerships,
    "partnership",
    partnerships.map((p) => p.slug),
  );
  const figures = await loadStored(
    run,
    t.keyFigures,
    "key_figure",
    partnerships.flatMap((p) => p.figures.map((f) => f.slug)),
  );
  for (const p of partnerships) {
    const put = await putRecord(run, t.partnerships, "partnership", stored, {
      slug: p.slug,
      title: p.name.en,
      values: { name: p.name, summary: p.summary, startedOn: p.started_on ?? null },
    });
    if (!put) continue;
    run.remember("partnership", p.slug, put.id);
    for (const [position, f] of p.figures.entries()) {
      await putRecord(run, t.keyFigures, "key_figure", figures, {
        slug: f.slug,
        title: f.label.en,
        values: {
          partnershipId: put.id,
          value: f.value,
          label: f.label,
          asOf: f.as_of ?? null,
          sourceId: run.id("source", f.source),
          position,
        },
      });
    }
    if (!put.ours) continue;
    const owner = eq(t.partnershipCountries.partnershipId, put.id);
    await putLinks(
      run,
      { table: t.partnershipCountries, owner, entityType: "partnership_countries", ownerId: put.id },
      await run.tx.select().from(t.partnershipCountries).where(owner),
      p.countries.map((countryCode, position) => ({ partnershipId: put.id, countryCode, position })),
    );
    await putCitations(run, "partnership", put.id, p.sources);
  }
}

export async function seedOrganizations(run: SeedRun, organizations: Content["organizations"]) {
  const stored = await loadStored(
    run,
    t.organizations,
    "organization",
    organizations.map((o) => o.slug),
  );
  for (const o of organizations) {
    const put = await putRecord(run, t.organizations, "organization", stored, {
      slug: o.slug,
      title: o.name.en,
      values: { name: o.name, acronym: o.acronym ?? null, kind: o.kind, countryCode: o.country ?? null },
    });
    if (!put) continue;
    run.remember("organization", o.slug, put.id);
    if (put.ours) await putCitations(run, "organization", put.id, o.sources);
  }
}

export async function seedPeople(run: SeedRun, people: Content["people"]) {
  const stored = await loadStored(
    run,
    t.people,
    "person",
    people.map((p) => p.slug),
  );
  for (const p of people) {
    const put = await putRecord(run, t.people, "person", stored, {
      slug: p.slug,
      title: p.name,
      values: {
        name: p.name,
        title: p.title ?? null,
        organizationId: run.optionalId("organization", p.organization),
      },
    });
    if (!put) continue;
    run.remember("person", p.slug, put.id);
    if (put.ours) await putCitations(run, "person", put.id, p.sources);
  }
}
