// The organisation form's fields, checked with zod: the same schema on the server and in the browser.
import { z } from "zod";
import { organizationKinds } from "../lib/enums";
import { optionalId, optionalText, requiredText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

export const organizationFormSchema = z.object({
  version: optionalId,
  nameEn: requiredText(2, 300),
  nameId: optionalText(300),
  nameAz: optionalText(300),
  acronym: optionalText(40),
  kind: z.enum(organizationKinds),
  countryCode: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  ),
  parentId: optionalId,
  website: optionalText(500).refine(
    (v) => !v || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v),
    "organizations.websiteInvalid",
  ),
});

export type OrganizationFormData = z.output<typeof organizationFormSchema>;
export type OrganizationField = keyof z.input<typeof organizationFormSchema>;

/** The fields in the order the page shows them. */
export const organizationFields = [
  "nameEn",
  "nameId",
  "nameAz",
  "acronym",
  "kind",
  "countryCode",
  "parentId",
  "website",
] as const;
