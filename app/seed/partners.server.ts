import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { loadStored, putCitations, putLinks, putRecord } from "./content-records.server";
import { putThroughModel } from "./model-records.server";
import { seedActor, type SeedRun } from "./seed-run.server";
import { mergedByOthers } from "./their-changes.server";
import { getOrganizationForEdit } from "../models/organization-queries.server";
import { createOrganization, updateOrganization, type OrganizationInput } from "../models/organization-writes.server";
import { getPersonForEdit } from "../models/people-queries.server";
import { createPerson, inPositionOrder, updatePerson, type PersonInput } from "../models/people-writes.server";

/*
 * The partnership with its countries and key figures (the bulk path, as the app has no editor for
 * them), and the organizations and people of it, through the models of the app's forms.
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

/** Organisations go through the model the app's form uses: its checks, version and audit row. */
export async function seedOrganizations(run: SeedRun, organizations: Content["organizations"]) {
  const merged = await mergedByOthers(run.tx, "organization");
  const stored = await loadStored(
    run,
    t.organizations,
    "organization",
    organizations.map((o) => o.slug),
  );
  for (const o of organizations) {
    const input: OrganizationInput = {
      name: o.name,
      acronym: o.acronym ?? null,
      kind: o.kind,
      countryCode: o.country ?? null,
      // Written in the app only: content/ has none, and a change there makes the record staff's.
      parentId: null,
      website: null,
    };
    const put = await putThroughModel(run, stored, {
      kind: "organization",
      slug: o.slug,
      title: o.name.en,
      wanted: input,
      current: async (row) => {
        const form = (await getOrganizationForEdit(run.tx, row.id))!;
        return { version: form.version, values: form.input };
      },
      create: () => createOrganization(run.tx, seedActor, input, { slug: o.slug }),
      update: (id, version) => updateOrganization(run.tx, seedActor, id, version, input),
    });
    if (!put) {
      // A duplicate merged away in the app: content/ naming it means the survivor.
      const into = merged.get(o.slug);
      if (into !== undefined) run.remember("organization", o.slug, into);
      continue;
    }
    run.remember("organization", o.slug, put.id);
    if (put.ours) await putCitations(run, "organization", put.id, o.sources);
  }
}

/** People with their dated positions go through the model the app's form uses. */
export async function seedPeople(run: SeedRun, people: Content["people"]) {
  const merged = await mergedByOthers(run.tx, "person");
  const stored = await loadStored(
    run,
    t.people,
    "person",
    people.map((p) => p.slug),
  );
  for (const p of people) {
    const input: PersonInput = {
      name: p.name,
      organizationId: run.optionalId("organization", p.organization),
      // Contact details, languages and accounts are written in the app only: content/ is public.
      email: null,
      phone: null,
      languages: [],
      userId: null,
      positions: inPositionOrder(
        p.positions.map((x) => ({
          title: x.title,
          organizationId: run.optionalId("organization", x.organization),
          startsOn: x.starts_on ?? null,
          endsOn: x.ends_on ?? null,
        })),
      ),
    };
    const put = await putThroughModel(run, stored, {
      kind: "person",
      slug: p.slug,
      title: p.name,
      wanted: input,
      current: async (row) => {
        const form = (await getPersonForEdit(run.tx, row.id))!;
        return { version: form.version, values: form.input };
      },
      create: () => createPerson(run.tx, seedActor, input, { slug: p.slug }),
      update: (id, version) => updatePerson(run.tx, seedActor, id, version, input),
    });
    if (!put) {
      // A duplicate merged away in the app: content/ naming it means the survivor.
      const into = merged.get(p.slug);
      if (into !== undefined) run.remember("person", p.slug, into);
      continue;
    }
    run.remember("person", p.slug, put.id);
    if (put.ours) await putCitations(run, "person", put.id, p.sources);
  }
}
