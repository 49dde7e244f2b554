// The email notices a user takes, on the account page: browser-safe schema.
import { z } from "zod";
import { idField } from "../lib/form-schema";

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const checkbox = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

export const noticePreferencesForm = z.object({
  intent: z.literal("notices"),
  version: idField,
  remindActivities: checkbox,
  remindCommitments: checkbox,
  weeklyDigest: checkbox,
  remindFollowUps: checkbox,
  /** Offered to editors and admins only; absent from the others' form, so left as it is. */
  notifyEnquiries: checkbox.optional(),
});
