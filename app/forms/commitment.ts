// The commitment forms' fields: no server code, so the browser can check them too.
import { z } from "zod";
import { commitmentStatuses } from "../lib/enums";
import { blankAsMissing } from "../lib/forms";
import { calendarDate, idField, optionalDate, optionalId, optionalText, requiredText } from "../lib/form-schema";

const commitmentFields = {
  textEn: requiredText(3, 2000),
  textId: optionalText(2000),
  textAz: optionalText(2000),
  area: requiredText(2, 80),
  responsibleOrganizationId: optionalId,
  dueOn: optionalDate,
};

export const newCommitmentForm = z.object(commitmentFields);
export const editCommitmentForm = z.object({ ...commitmentFields, version: idField });

/** An assessment: the status, the day it holds for, the evidence in both languages, and its source. */
export const assessForm = z.object({
  intent: z.literal("assess"),
  version: idField,
  status: z.enum(commitmentStatuses),
  assessedOn: z.preprocess(blankAsMissing, calendarDate),
  evidenceEn: requiredText(3, 4000),
  evidenceId: optionalText(4000),
  evidenceAz: optionalText(4000),
  sourceId: optionalId,
  assessor: optionalText(200),
});
