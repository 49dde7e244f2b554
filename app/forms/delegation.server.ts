// The delegation form and the delegation as the model keeps it: rows of cells to members and back,
// times typed in the visit's time zone and stored as UTC instants.
import type { DelegationRole, TravelMode, VisitSide } from "../lib/enums";
import type { FormErrors } from "../lib/forms";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import { RecordError } from "../models/errors.server";
import type { MemberInput, MemberState } from "../models/visit-members.server";
import type { DelegationFormData } from "./delegation";
import { memberColumns, rowCount, rowTyped } from "./delegation-fields";
import type { FormValues } from "./result";

const text = (v: string | undefined) => (v ? v : null);
const instant = (v: string | undefined, timeZone: string) =>
  v ? zonedToUtc(v.slice(0, 10), v.slice(11, 16), timeZone) : null;

/**
 * The rows the editor filled, as the model takes them (blank rows are no rows). A row names a
 * person chosen or a new one by name, never neither or both: said beside the row, nothing saved.
 */
export function memberInputsFromForm(data: DelegationFormData, timeZone: string): MemberInput[] {
  const members: MemberInput[] = [];
  const errors: FormErrors = {};
  const cells = data as unknown as Record<string, string[]>;
  for (let i = 0; i < rowCount(cells); i++) {
    if (!rowTyped(cells, i)) continue;
    const cell = (name: (typeof memberColumns)[number]) => cells[name]?.[i] ?? "";
    const personId = cell("personId");
    const newName = cell("newName");
    if (!personId && !newName) errors[`personId[${i}]`] = { key: "delegation.personRequired" };
    if (personId && newName) errors[`newName[${i}]`] = { key: "delegation.personOrNew" };
    const organizationId = cell("newOrganizationId");
    members.push({
      row: i,
      person: personId
        ? { id: Number(personId) }
        : { name: newName, organizationId: organizationId ? Number(organizationId) : null },
      side: (cell("side") || "delegation") as VisitSide,
      role: (cell("role") || "member") as DelegationRole,
      arrivalMode: (cell("arrivalMode") || null) as TravelMode | null,
      arrivalRef: text(cell("arrivalRef")),
      arrivalAt: instant(cell("arrivalAt"), timeZone),
      departureMode: (cell("departureMode") || null) as TravelMode | null,
      departureRef: text(cell("departureRef")),
      departureAt: instant(cell("departureAt"), timeZone),
      hotel: text(cell("hotel")),
      interpretationNeeds: text(cell("interpretationNeeds")),
      dietaryNeeds: text(cell("dietaryNeeds")),
      accessNeeds: text(cell("accessNeeds")),
    });
  }
  if (Object.keys(errors).length) throw new RecordError(errors);
  return members;
}

/** A delegation (saved, audited or just submitted) as the form shows it, times in `timeZone`. */
export function delegationFormValues(
  state: { version?: number; members: (Omit<MemberState, "name"> & { name?: string })[] },
  timeZone: string,
): FormValues {
  const local = (iso: string | null) => {
    if (!iso) return "";
    const { date, time } = utcToZoned(new Date(iso), timeZone);
    return `${date}T${time}`;
  };
  const cells: Record<(typeof memberColumns)[number], string[]> = Object.fromEntries(
    memberColumns.map((c) => [c, [] as string[]]),
  ) as never;
  const personName: string[] = [];
  for (const m of state.members) {
    personName.push(m.name ?? "");
    cells.personId.push(String(m.personId));
    cells.newName.push("");
    cells.newOrganizationId.push("");
    cells.side.push(m.side);
    cells.role.push(m.role);
    cells.arrivalMode.push(m.arrivalMode ?? "");
    cells.arrivalRef.push(m.arrivalRef ?? "");
    cells.arrivalAt.push(local(m.arrivalAt));
    cells.departureMode.push(m.departureMode ?? "");
    cells.departureRef.push(m.departureRef ?? "");
    cells.departureAt.push(local(m.departureAt));
    cells.hotel.push(m.hotel ?? "");
    cells.interpretationNeeds.push(m.interpretationNeeds ?? "");
    cells.dietaryNeeds.push(m.dietaryNeeds ?? "");
    cells.accessNeeds.push(m.accessNeeds ?? "");
  }
  // The names are for reading (the conflict view): no field of the form carries them.
  return { ...(state.version ? { version: String(state.version) } : {}), ...cells, personName };
}

/** What the editor submitted, as the conflict view compares it: the typed rows only, cells trimmed. */
export function submittedValues(data: DelegationFormData): FormValues {
  const cells = data as unknown as Record<string, string[]>;
  const rows = Array.from({ length: rowCount(cells) }, (_, i) => i).filter((i) => rowTyped(cells, i));
  return Object.fromEntries(memberColumns.map((c) => [c, rows.map((i) => cells[c]?.[i] ?? "")]));
}
