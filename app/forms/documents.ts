// The document forms of the case, activity, agreement and itinerary pages: browser-safe schemas.
import { z } from "zod";
import { idField, optionalText } from "../lib/form-schema";
import { hasControlCharacters } from "../lib/forms";
import { documentKinds } from "../lib/record-subject";

/** The fields that come with the uploaded file. */
export const uploadForm = z.object({
  subjectKind: z.enum(documentKinds),
  subjectId: idField,
  /** Where to go back to (checked by safeReturnPath); the record's page without it. */
  returnTo: z.string().optional(),
  title: optionalText(200).refine((v) => v === undefined || !hasControlCharacters(v), "validation.controlCharacters"),
});

/** Taking a document off a record. */
export const detachForm = z.object({
  intent: z.literal("detach"),
  subjectKind: z.enum(documentKinds),
  subjectId: idField,
  /** Where to go back to (checked by safeReturnPath); the record's page without it. */
  returnTo: z.string().optional(),
  documentId: idField,
});

/** Attaching a document already uploaded. */
export const attachForm = detachForm.extend({ intent: z.literal("attach") });

/** The forms posted to /documents without a file. */
export const documentActionForm = z.discriminatedUnion("intent", [detachForm, attachForm]);
