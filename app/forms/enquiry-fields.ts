// What the enquiry form's page needs of the form without its schema: the form is checked on the
// server alone, so zod stays out of the page (app/components/enquiry-form.tsx).

/** How long a request's message may be: a few paragraphs, not a document. */
export const enquiryMessageMax = 2000;

/**
 * The name of the honeypot: a field people never see or reach (hidden from eyes and assistive
 * technology, out of the tab order) that form-filling robots fill in like any other.
 */
export const honeypotField = "website";

/** The fields in page order, for the error summary. */
export const enquiryFieldOrder = ["name", "organization", "country", "email", "message"] as const;
export type EnquiryField = (typeof enquiryFieldOrder)[number];
