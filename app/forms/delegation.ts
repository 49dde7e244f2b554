// The delegation form's schema: each row's cells in their format. The rules across rows (a person
// listed twice, one head a side, arrival before departure) are the model's (visit-members-writes).
import { z } from "zod";
import { delegationRoles, travelModes, visitSides } from "../lib/enums";
import { asList, isCalendarDate, maxId, optionalId } from "../lib/form-schema";

/** A repeated row's column: one string per row, the rows' order kept (blank cells included). */
const column = (max: number) => z.preprocess(asList, z.array(z.string().trim().max(max)));
const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(asList, z.array(z.union([z.literal(""), z.enum(values)])));

/** A record's id, or "" for none. */
const idCell = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= maxId), "validation.invalid");

/** A local date and time as a datetime-local input sends it: `YYYY-MM-DDTHH:MM`, or "". */
export const isLocalDateTime = (v: string) => {
  const match = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d$/.exec(v);
  return !!match && isCalendarDate(match[1]!);
};
const dateTimeCell = z
  .string()
  .trim()
  .refine((v) => v === "" || isLocalDateTime(v), "delegation.dateTimeInvalid");

export const delegationFormSchema = z.object({
  version: optionalId,
  personId: z.preprocess(asList, z.array(idCell)),
  newName: column(200),
  newOrganizationId: z.preprocess(asList, z.array(idCell)),
  side: choices(visitSides),
  role: choices(delegationRoles),
  arrivalMode: choices(travelModes),
  arrivalRef: column(100),
  arrivalAt: z.preprocess(asList, z.array(dateTimeCell)),
  departureMode: choices(travelModes),
  departureRef: column(100),
  departureAt: z.preprocess(asList, z.array(dateTimeCell)),
  hotel: column(300),
  interpretationNeeds: column(1000),
  dietaryNeeds: column(1000),
  accessNeeds: column(1000),
});

export type DelegationFormData = z.output<typeof delegationFormSchema>;
