// Between the organisation form and the record.
import { localizedText } from "../lib/localized";
import type { OrganizationInput } from "../models/organization-writes.server";
import type { OrganizationFormData } from "./organization";
import type { FormValues } from "./result";

export function organizationInput(v: OrganizationFormData): OrganizationInput {
  return {
    name: localizedText(v.nameEn, v.nameId, v.nameAz),
    acronym: v.acronym ?? null,
    kind: v.kind,
    countryCode: v.countryCode ?? null,
    parentId: v.parentId ?? null,
    website: v.website ?? null,
  };
}

/** An organisation as its form shows it: what the edit page starts from and a conflict compares with. */
export function organizationFormValues(o: OrganizationInput & { version?: number }): FormValues {
  return {
    ...(o.version ? { version: String(o.version) } : {}),
    nameEn: o.name.en,
    nameId: o.name.id ?? "",
    nameAz: o.name.az ?? "",
    acronym: o.acronym ?? "",
    kind: o.kind,
    countryCode: o.countryCode ?? "",
    parentId: o.parentId ? String(o.parentId) : "",
    website: o.website ?? "",
  };
}
