// The users page's form that lets notices go to a suppressed address again: a browser-safe schema.
import { z } from "zod";
import { blankAsMissing } from "../lib/forms";

/** An address whose notices an admin resumes, with when its suppression started as the admin saw it. */
export const liftSuppressionForm = z.object({
  intent: z.literal("liftSuppression"),
  address: z.preprocess(blankAsMissing, z.string().trim().min(3).max(254)),
  since: z.iso.datetime().transform((value) => new Date(value)),
});
