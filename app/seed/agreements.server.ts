import * as t from "../../db/schema";
import type { Content } from "../lib/content.server";
import { getAgreementForEdit } from "../models/agreement-edit.server";
import { createAgreement, updateAgreement } from "../models/agreement-writes.server";
import { createCommitment, updateCommitment } from "../models/commitment-writes.server";
import { loadStored, putCitations } from "./content-records.server";
import { pick, same } from "./same-values";
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
      status: a.status,
      parentId: run.optionalId("agreement", a.parent),
      signatoryIds: a.signatories.map((p) => run.id("person", p)).sort((x, y) => x - y),
    };
    const row = stored.row(a.slug);
    let id: number;
    let ours = true;
    if (!row) {
      const partnershipId = run.id("partnership", a.partnership);
      const created = await run.write("agreement", a.slug, () =>
        createAgreement(run.tx, seedActor, { ...input, partnershipId }, { slug: a.slug }),
      );
      run.count("created");
      id = created.id;
    } else {
      id = row.id;
      const current = (await getAgreementForEdit(run.tx, id))!;
      ours = !stored.theirs(row);
      if (same(pick(current, Object.keys(input)), input)) run.count("unchanged");
      else if (!ours) run.leave("agreement", a.slug, a.title.en, "changed");
      else {
        const change = { ...input, id, version: current.version };
        await run.write("agreement", a.slug, () => updateAgreement(run.tx, seedActor, change));
        run.count("updated");
      }
    }
    run.remember("agreement", a.slug, id);
    if (ours) await putCitations(run, "agreement", id, a.sources);
    await seedCommitments(run, commitments, id, a.commitments);
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
      status: m.status,
    };
    const row = stored.row(m.slug);
    let id: number;
    let ours = true;
    if (!row) {
      const created = await run.write("commitment", m.slug, () =>
        createCommitment(run.tx, seedActor, agreementId, input, { slug: m.slug }),
      );
      run.count("created");
      id = created!.id;
    } else {
      id = row.id;
      ours = !stored.theirs(row);
      if (same(pick(row, Object.keys(input)), input)) run.count("unchanged");
      else if (!ours) run.leave("commitment", m.slug, m.text.en, "changed");
      else {
        const change = { ...input, id, version: row.version };
        await run.write("commitment", m.slug, () => updateCommitment(run.tx, seedActor, change));
        run.count("updated");
      }
    }
    run.remember("commitment", m.slug, id);
    if (ours) await putCitations(run, "commitment", id, m.sources);
  }
}
