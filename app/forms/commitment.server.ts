// Between the commitment form and the record: what a checked form saves, and what the form shows of a record.
import type { z } from "zod";
import type { Commitment } from "../../db/schema";
import { localizedText } from "../lib/localized";
import type { CommitmentInput } from "../models/commitment-writes.server";
import type { newCommitmentForm } from "./commitment";

export function commitmentInput(v: z.output<typeof newCommitmentForm>): CommitmentInput {
  return {
    text: localizedText(v.textEn, v.textId, v.textAz),
    area: v.area,
    responsibleOrganizationId: v.responsibleOrganizationId ?? null,
    dueOn: v.dueOn ?? null,
  };
}

/** A commitment as its form shows it: what the edit page starts from and a conflict compares with. */
export function commitmentFormValues(c: Commitment): Record<string, string> {
  return {
    textEn: c.text.en,
    textId: c.text.id ?? "",
    textAz: c.text.az ?? "",
    area: c.area,
    responsibleOrganizationId: c.responsibleOrganizationId ? String(c.responsibleOrganizationId) : "",
    dueOn: c.dueOn ?? "",
    version: String(c.version),
  };
}
