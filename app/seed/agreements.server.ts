import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { getAgreementForEdit } from "../models/agreement-edit.server";
import { createAgreement, updateAgreement } from "../models/agreement-writes.server";
import { assessCommitment, listAssessments } from "../models/commitment-assessments.server";
import { createCommitment, updateCommitment } from "../models/commitment-writes.server";
import { loadStored, putCitations } from "./content-records.server";
import { putThroughModel } from "./model-records.server";
import { pick } from "./same-values";
import { seedActor, type SeedRun } from "./seed-run.server";

type AgreementContent = Content["agreements"][number];

/** Agreements and their commitments go through the models the app's forms use, with their rules. */
export async function seedAgreements(run: SeedRun, agreements: Content["agreements"]) {
  const stored = await loadStored(
    run,
    t.agreements,
    "agreement",
    agreements.map((a) => a.slug),
  );
  const commitments = await loadStored(
    run,
    t.commitments,
    "commitment",
    agreements.flatMap((a) => a.commitments.map((m) => m.slug)),
  );
  // Parents first, so that a renewal can point at the agreement it continues.
  const depth = (a: AgreementContent): number => {
    const parent = agreements.find((p) => p.slug === a.parent);
    return parent ? 1 + depth(parent) : 0;
  };
  for (const a of [...agreements].sort((x, y) => depth(x) - depth(y))) {
    const input = {
      kind: a.kind,
      title: a.title,
      summary: a.summary,
      signedOn: a.signed_on ?? null,
      signedCity: a.signed_city ?? null,
      inForceFrom: a.in_force_from ?? null,
      inForceUntil: a.in_force_until ?? null,
      inForceUntilInferred: a.in_force_until_inferred,
      status: a.status,
      parentId: run.optionalId("agreement", a.parent),
      signatoryIds: a.signatories.map((p) => run.id("person", p)).sort((x, y) => x - y),
    };
    const put = await putThroughModel(run, stored, {
      kind: "agreement",
      slug: a.slug,
      title: a.title.en,
      wanted: input,
      current: async (row) => {
        const form = (await getAgreementForEdit(run.tx, row.id))!;
        return { version: form.version, values: pick(form, Object.keys(input)) };
      },
      create: () =>
        createAgreement(
          run.tx,
          seedActor,
          { ...input, partnershipId: run.id("partnership", a.partnership) },
          { slug: a.slug },
        ),
      update: (id, version) => updateAgreement(run.tx, seedActor, { ...input, id, version }),
    });
    if (!put) continue;
    run.remember("agreement", a.slug, put.id);
    if (put.ours) await putCitations(run, "agreement", put.id, a.sources);
    await seedCommitments(run, commitments, put.id, a.commitments);
  }
}

async function seedCommitments(
  run: SeedRun,
  stored: Awaited<ReturnType<typeof loadStored>>,
  agreementId: number,
  commitments: AgreementContent["commitments"],
) {
  // New ones are added at the end, so a fresh database keeps content/'s order. The app has no way to
  // move a commitment to another agreement or place, so neither does the seed.
  for (const m of commitments) {
    const input = {
      text: m.text,
      area: m.area,
      responsibleOrganizationId: run.optionalId("organization", m.responsible),
      dueOn: m.due_on ?? null,
    };
    const put = await putThroughModel(run, stored, {
      kind: "commitment",
      slug: m.slug,
      title: m.text.en,
      wanted: input,
      current: (row) => ({ version: row.version, values: pick(row, Object.keys(input)) }),
      create: () => createCommitment(run.tx, seedActor, agreementId, input, { slug: m.slug }),
      update: (id, version) => updateCommitment(run.tx, seedActor, { ...input, id, version }),
    });
    if (!put) continue;
    run.remember("commitment", m.slug, put.id);
    if (!put.ours) continue;
    await putCitations(run, "commitment", put.id, m.sources);
    await withdrawUnsourcedRating(run, m.slug, put.id);
  }
}

/**
 * content/ once rated commitments with no source stating the rating; a database seeded then still
 * carries it, with no assessment behind it. No source reports progress, so the seed rates it not
 * assessed again, through the model, which records why. A rating made in the app has its assessment
 * and stays.
 */
async function withdrawUnsourcedRating(run: SeedRun, slug: string, commitmentId: number) {
  const [row] = await run.tx
    .select({ status: t.commitments.status, version: t.commitments.version })
    .from(t.commitments)
    .where(eq(t.commitments.id, commitmentId));
  if (!row || row.status === "not_assessed" || (await listAssessments(run.tx, commitmentId)).length) return;
  await run.write("commitment", slug, () =>
    assessCommitment(run.tx, seedActor, commitmentId, row.version, {
      status: "not_assessed",
      assessedOn: new Date().toISOString().slice(0, 10),
      assessor: "Jembatan's seed content",
      evidence: unsourcedRating,
    }),
  );
}

const unsourcedRating = {
  en: "No source reports progress on this commitment; the rating an earlier version of the seed content gave it had none.",
  id: "Tidak ada sumber yang melaporkan kemajuan komitmen ini; penilaian yang diberikan versi lama konten awal tidak bersumber.",
};
