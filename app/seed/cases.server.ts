import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { renderRichText, richTextFromPlainText } from "../lexical/render.server";
import type { LocalizedRichText, LocalizedText, RichDoc } from "../lib/localized";
import { publishCase } from "../models/case-publish.server";
import { createCase, updateCase, type CaseInput } from "../models/case-writes.server";
import { loadStored, putCitations } from "./content-records.server";
import { putThroughModel } from "./model-records.server";
import { pick } from "./same-values";
import { seedActor, type SeedRun } from "./seed-run.server";

type CaseContent = Content["cases"][number];

const contentKeys = Object.keys(t.caseContent()) as (keyof CaseInput)[];

/** Paragraphs of content/ as the rich text the app's editor would store for them, per language. */
async function richText(paragraphs: LocalizedText[]): Promise<LocalizedRichText> {
  if (!paragraphs.length) return {};
  const doc = async (lang: "en" | "id"): Promise<RichDoc> => {
    const rendered = await renderRichText(richTextFromPlainText(paragraphs.map((p) => p[lang] ?? p.en).join("\n\n")));
    // As the database gives it back: without the keys the editor's state leaves undefined.
    return { json: JSON.parse(JSON.stringify(rendered.json)) as unknown, html: rendered.html, text: rendered.text };
  };
  return { en: await doc("en"), id: await doc("id") };
}

/** The case as the model (and so the app's form) writes it. */
async function caseInput(run: SeedRun, k: CaseContent): Promise<CaseInput> {
  return {
    title: k.title,
    summary: k.summary,
    problem: k.problem ?? null,
    solution: k.solution ?? null,
    innovation: k.innovation ?? null,
    results: k.results.map((r) => ({
      label: r.label,
      value: r.value,
      ...(r.unit ? { unit: r.unit } : {}),
      date: r.date,
      sourceSlug: r.source,
    })),
    organizationId: run.optionalId("organization", k.organization),
    adminLevel: k.admin_level ?? null,
    countryCode: k.country,
    place: k.place ?? null,
    latitude: k.latitude ?? null,
    longitude: k.longitude ?? null,
    startedYear: k.started ?? null,
    stoppedYear: k.stopped ?? null,
    sector: k.sector,
    sdgGoals: [...k.sdg_goals].sort((a, b) => a - b),
    sdgTargets: k.sdg_targets,
    awards: k.awards.map((a) => ({
      key: a.key,
      title: a.title,
      year: a.year,
      ...(a.category ? { category: a.category } : {}),
    })),
    awardKeys: [...new Set(k.awards.map((a) => a.key))].sort(),
    contactOrganizationId: run.optionalId("organization", k.contact),
    lessonsRich: await richText(k.lessons),
    narrative: await richText(k.narrative),
  };
}

/**
 * Library cases go through the models staff use (createCase, updateCase, publishCase): a case
 * content/ marks published is published, so the public library (which reads only the
 * publications) has it; a case staff changed since the seed's last write is left as it is.
 */
export async function seedCases(run: SeedRun, cases: Content["cases"]) {
  const stored = await loadStored(
    run,
    t.cases,
    "case",
    cases.map((k) => k.slug),
  );
  for (const k of cases) {
    const input = await caseInput(run, k);
    const put = await putThroughModel(run, stored, {
      kind: "case",
      slug: k.slug,
      title: k.title.en,
      wanted: input,
      current: (row) => ({ version: row.version as number, values: pick(row, contentKeys) }),
      create: () => createCase(run.tx, seedActor, input, { slug: k.slug }),
      update: (id, version) => updateCase(run.tx, seedActor, id, version, input),
    });
    if (!put?.ours) continue;
    await putCitations(run, "case", put.id, k.sources);
    if (k.status === "published") await publishIfNeeded(run, k.slug, put.id);
  }
}

/**
 * Publishes the seed's case unless its working copy is the published one already. Part of the
 * case's creation or update, so not counted on its own.
 */
async function publishIfNeeded(run: SeedRun, slug: string, id: number) {
  const [row] = await run.tx
    .select({ status: t.cases.status, version: t.cases.version, published: t.casePublications.caseVersion })
    .from(t.cases)
    .leftJoin(t.casePublications, eq(t.casePublications.caseId, t.cases.id))
    .where(eq(t.cases.id, id));
  if (!row || (row.status === "published" && row.published === row.version)) return;
  await run.write("case", slug, () => publishCase(run.tx, seedActor, id, row.version));
}
