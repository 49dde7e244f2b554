// The person form and the person record: the checked form as the model takes it, and a person as the form shows it.
import { localizedOrNull } from "../lib/localized";
import type { PersonInput, PositionInput } from "../models/people-writes.server";
import {
  languageList,
  personFieldOrder,
  positionColumns,
  positionRowCount,
  positionRowTyped,
  type PersonFormData,
} from "./person";
import type { FormValues } from "./result";

const cell = (column: string[], i: number) => column[i] || null;

function positionsOf(v: PersonFormData): PositionInput[] {
  const positions: PositionInput[] = [];
  for (let i = 0; i < positionRowCount(v); i++) {
    if (!positionRowTyped(v, i)) continue;
    const org = cell(v.positionOrganizationId, i);
    positions.push({
      title: localizedOrNull(
        cell(v.positionTitleEn, i) ?? undefined,
        cell(v.positionTitleId, i) ?? undefined,
        cell(v.positionTitleAz, i) ?? undefined,
      )!,
      organizationId: org ? Number(org) : null,
      startsOn: cell(v.positionStartsOn, i),
      endsOn: cell(v.positionEndsOn, i),
    });
  }
  return positions;
}

/** The checked form as the person model takes it. */
export function personInput(v: PersonFormData): PersonInput {
  return {
    name: v.name,
    organizationId: v.organizationId ?? null,
    email: v.email ?? null,
    phone: v.phone ?? null,
    languages: languageList(v.languages),
    userId: v.userId ?? null,
    positions: positionsOf(v),
  };
}

const id = (v: number | null | undefined) => (v == null ? "" : String(v));

/** A person (stored, audited or as just submitted) as the form shows it. */
export function personFormValues(p: PersonInput & { version?: number }): FormValues {
  const positions = p.positions ?? [];
  return {
    ...(p.version ? { version: String(p.version) } : {}),
    name: p.name,
    organizationId: id(p.organizationId),
    email: p.email ?? "",
    phone: p.phone ?? "",
    languages: (p.languages ?? []).join(", "),
    userId: id(p.userId),
    positionTitleEn: positions.map((x) => x.title.en),
    positionTitleId: positions.map((x) => x.title.id ?? ""),
    positionTitleAz: positions.map((x) => x.title.az ?? ""),
    positionOrganizationId: positions.map((x) => id(x.organizationId)),
    positionStartsOn: positions.map((x) => x.startsOn ?? ""),
    positionEndsOn: positions.map((x) => x.endsOn ?? ""),
  };
}

/** The fields the conflict view compares: the positions by their columns. */
export const personConflictFields: string[] = personFieldOrder.flatMap((field): string[] =>
  field === "positions" ? [...positionColumns] : [field],
);
