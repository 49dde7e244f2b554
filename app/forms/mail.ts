// The form of an outbox message's page (an administrator's): browser-safe schema.
import { z } from "zod";

/** Send a failed message again; the message is the page's. */
export const mailRetryForm = z.object({
  intent: z.literal("retry"),
});
