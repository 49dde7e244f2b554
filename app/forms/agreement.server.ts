// Between the agreement form and the record: what a checked form saves, and what the form shows of a record.
import type { z } from "zod";
import type { Agreement } from "../../db/schema";
import { localizedText } from "../lib/localized";
import type { AgreementInput } from "../models/agreement-writes.server";
import type { editAgreementForm, newAgreementForm } from "./agreement";

export function agreementInput(
  v: z.output<typeof editAgreementForm> | z.output<typeof newAgreementForm>,
): AgreementInput {
  return {
    kind: v.kind,
    title: localizedText(v.titleEn, v.titleId, v.titleAz),
    summary: localizedText(v.summaryEn, v.summaryId, v.summaryAz),
    signedOn: v.signedOn ?? null,
    signedCity: v.signedCity ?? null,
    inForceFrom: v.inForceFrom ?? null,
    inForceUntil: v.inForceUntil ?? null,
    // Nothing to infer without an end date.
    inForceUntilInferred: !!v.inForceUntil && v.inForceUntilInferred,
    status: v.status,
    parentId: v.parentId ?? null,
    signatoryIds: [...new Set(v.signatoryIds)],
  };
}

/** An agreement as its form shows it: what the edit page starts from and a conflict compares with. */
export function agreementFormValues(a: Agreement & { signatoryIds: number[] }): Record<string, string | string[]> {
  return {
    partnershipId: String(a.partnershipId),
    kind: a.kind,
    titleEn: a.title.en,
    titleId: a.title.id ?? "",
    titleAz: a.title.az ?? "",
    summaryEn: a.summary.en,
    summaryId: a.summary.id ?? "",
    summaryAz: a.summary.az ?? "",
    signedOn: a.signedOn ?? "",
    signedCity: a.signedCity ?? "",
    inForceFrom: a.inForceFrom ?? "",
    inForceUntil: a.inForceUntil ?? "",
    inForceUntilInferred: a.inForceUntilInferred ? "on" : "",
    status: a.status,
    parentId: a.parentId ? String(a.parentId) : "",
    signatoryIds: a.signatoryIds.map(String).sort(),
    version: String(a.version),
  };
}
