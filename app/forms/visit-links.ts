// Making and stopping a visit's secret links on the briefing page (decision 21): browser-safe schema.
import { z } from "zod";
import { optionalId } from "../lib/form-schema";

export const visitLinkIntents = ["makeCalendarLink", "stopCalendarLink", "makeMemberLink", "stopMemberLink"] as const;

/** Which link: the whole visit's calendar, or (`member`) one delegation member's. */
export const visitLinkForm = z.object({
  intent: z.enum(visitLinkIntents),
  member: optionalId,
});
