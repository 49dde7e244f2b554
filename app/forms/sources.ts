// The source forms of the case, activity and agreement pages: browser-safe schemas.
import { z } from "zod";
import { blankAsMissing } from "../lib/forms";
import { idField, optionalText, singleLine } from "../lib/form-schema";
import { recordKinds } from "../lib/record-subject";

/** The languages a source may be written in (its headline and quotation are in it). */
export const sourceLanguages = ["en", "id"] as const;

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const checkbox = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

/** YYYY, YYYY-MM or YYYY-MM-DD of a real day, between 1900 and 2100. */
export function isSourceDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month = "01", day = "01"] = match;
  const date = `${year}-${month}-${day}`;
  if (date < "1900-01-01" || date > "2100-12-31") return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** An address a reader can open: http or https, with a host, nothing else (no javascript:, data:). */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !/\s/.test(value);
  } catch {
    return false;
  }
}

const subject = { subjectKind: z.enum(recordKinds), subjectId: idField };
const note = optionalText(500);

/** A new source, cited on the record the form is on. */
export const sourceForm = z.object({
  ...subject,
  publisher: singleLine(1, 200),
  title: singleLine(1, 500),
  titleIsDescriptive: checkbox,
  language: z.enum(sourceLanguages),
  publishedOn: z.preprocess(blankAsMissing, z.string().trim().refine(isSourceDate, "sources.invalidDate").optional()),
  url: z.preprocess(blankAsMissing, z.string().trim().max(2000).refine(isWebAddress, "sources.invalidUrl").optional()),
  quote: optionalText(2000),
  note,
});

/** Citing a source already in the list, or no longer citing one. */
export const citationForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cite"), ...subject, sourceId: idField, note }),
  z.object({ intent: z.literal("remove"), ...subject, sourceId: idField }),
]);
