// The document forms of the case, activity and agreement pages: browser-safe schemas.
import { z } from "zod";
import { idField, optionalText } from "../lib/form-schema";
import { hasControlCharacters } from "../lib/forms";
import { recordKinds } from "../lib/record-subject";

/** The fields that come with the uploaded file. */
export const uploadForm = z.object({
  subjectKind: z.enum(recordKinds),
  subjectId: idField,
  title: optionalText(200).refine((v) => v === undefined || !hasControlCharacters(v), "validation.controlCharacters"),
});

/** Taking a document off a record. */
export const detachForm = z.object({
  intent: z.literal("detach"),
  subjectKind: z.enum(recordKinds),
  subjectId: idField,
  documentId: idField,
});
