// The forms of a commitment's page that track it to completion: evidence, milestones, focal
// points and confirmations. No server code, so the browser can check them too.
import { z } from "zod";
import { countryCode, idField, optionalDate, optionalId, optionalText, requiredText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";
import { isHttpUrl } from "../lib/http-url";

export const evidenceForm = z
  .object({
    intent: z.literal("evidence"),
    url: z.preprocess(
      blankAsMissing,
      z.string().trim().max(2000).refine(isHttpUrl, "commitments.evidenceUrlScheme").optional(),
    ),
    note: optionalText(2000),
  })
  .refine((v) => v.url || v.note, { message: "commitments.evidenceEmpty", path: ["url"] });

export const milestoneForm = z.object({
  intent: z.literal("milestone"),
  titleEn: requiredText(3, 300),
  titleId: optionalText(300),
  titleAz: optionalText(300),
  dueOn: optionalDate,
});

export const milestoneDoneForm = z.object({
  intent: z.literal("milestone-done"),
  milestoneId: idField,
});

export const focalPointForm = z.object({
  intent: z.literal("focal-point"),
  countryCode,
  personId: optionalId,
  previousPersonId: optionalId,
});

export const confirmForm = z.object({
  intent: z.literal("confirm"),
  version: idField,
  countryCode,
});

export const withdrawConfirmationForm = z.object({
  intent: z.literal("withdraw-confirmation"),
  countryCode,
  /** When the confirmation the editor saw was given: a newer one is not theirs to withdraw. */
  confirmedAt: z.iso.datetime().optional(),
});
