// The commitment forms' fields: no server code, so the browser can check them too.
import { z } from "zod";
import { commitmentStatuses } from "../lib/enums";
import { idField, optionalDate, optionalId, optionalText, requiredText } from "../lib/form-schema";

const commitmentFields = {
  textEn: requiredText(3, 2000),
  textId: optionalText(2000),
  area: requiredText(2, 80),
  responsibleOrganizationId: optionalId,
  dueOn: optionalDate,
  status: z.enum(commitmentStatuses),
};

export const newCommitmentForm = z.object(commitmentFields);
export const editCommitmentForm = z.object({ ...commitmentFields, version: idField });

export const statusForm = z.object({
  intent: z.literal("status"),
  version: idField,
  status: z.enum(commitmentStatuses),
});
