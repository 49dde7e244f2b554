// The forms of enquiries: a visitor's request on a case page, and staff handling it in /enquiries.
import { z } from "zod";
import { enquiryStatuses } from "../lib/enums";
import { emailAddress, idField, requiredText, singleLine } from "../lib/form-schema";
import { enquiryMessageMax, honeypotField } from "./enquiry-fields";

export { enquiryFieldOrder, enquiryMessageMax, honeypotField, type EnquiryField } from "./enquiry-fields";

/** A partner's request for a knowledge-sharing session, sent without an account. */
export const enquiryForm = z.object({
  name: singleLine(2, 120),
  organization: singleLine(2, 200),
  country: singleLine(2, 100),
  email: emailAddress,
  message: requiredText(10, enquiryMessageMax),
  // Read, never refused: a filled honeypot gets the same thanks, and nothing is kept.
  [honeypotField]: z.string().max(1000).optional().catch(undefined),
});
export type EnquiryFormData = z.output<typeof enquiryForm>;

/** Staff move an enquiry along; "planned" comes only with the activity made from it. */
export const handledStatuses = enquiryStatuses.filter((s) => s !== "planned");

/** A new status, from the version the editor saw (the page's forms say which by their intent). */
export const enquiryStatusForm = z.object({
  version: idField,
  status: z.enum(enquiryStatuses),
});

/** "Plan an activity": the enquiry at the version the editor saw. */
export const enquiryPlanForm = z.object({
  version: idField,
});
