// Between the link form and the record: the form speaks from the page's case ("inspired by" the other
// case, or "adapted as" it); the record from the origin (`fromCaseId`) to the adaptation (`toCaseId`).
import type { z } from "zod";
import type { CaseLink } from "../../db/schema";
import { localizedText } from "../lib/localized";
import type { CaseLinkInput } from "../models/case-links-writes.server";
import type { editCaseLinkForm, newCaseLinkForm } from "./case-link";
import type { FormValues } from "./result";

export function caseLinkInput(
  caseId: number,
  v: z.output<typeof newCaseLinkForm> | z.output<typeof editCaseLinkForm>,
): CaseLinkInput {
  const [fromCaseId, toCaseId] = v.direction === "inspiredBy" ? [v.otherCaseId, caseId] : [caseId, v.otherCaseId];
  return {
    fromCaseId,
    toCaseId,
    place: v.placeEn ? localizedText(v.placeEn, v.placeId, v.placeAz) : null,
    countryCode: v.countryCode ?? null,
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    year: v.year ?? null,
    status: v.status,
    note: v.noteEn ? localizedText(v.noteEn, v.noteId, v.noteAz) : null,
    sourceId: v.sourceId ?? null,
  };
}

/** A link as the form shows it from `caseId`'s page: what editing starts from and a conflict compares with. */
export function caseLinkFormValues(caseId: number, l: CaseLink): FormValues {
  const inspiredBy = l.toCaseId === caseId;
  return {
    linkId: String(l.id),
    otherCaseId: String(inspiredBy ? l.fromCaseId : l.toCaseId),
    direction: inspiredBy ? "inspiredBy" : "adaptedAs",
    placeEn: l.place?.en ?? "",
    placeId: l.place?.id ?? "",
    placeAz: l.place?.az ?? "",
    countryCode: l.countryCode ?? "",
    latitude: l.latitude === null ? "" : String(l.latitude),
    longitude: l.longitude === null ? "" : String(l.longitude),
    year: l.year === null ? "" : String(l.year),
    status: l.status,
    noteEn: l.note?.en ?? "",
    noteId: l.note?.id ?? "",
    noteAz: l.note?.az ?? "",
    sourceId: l.sourceId === null ? "" : String(l.sourceId),
    version: String(l.version),
  };
}
