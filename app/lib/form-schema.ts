import { z } from "zod";
import { blankAsMissing } from "./forms";

/** The zod pieces the record forms are built from; blank inputs count as missing throughout. */

/** The largest id a PostgreSQL integer column holds: a bigger one is no record, not a database error. */
export const maxId = 2 ** 31 - 1;
export const idField = z.coerce.number().int().positive().max(maxId);
export const optionalId = z.preprocess(blankAsMissing, idField.optional());
/**
 * The years a date of this cooperation can fall in. Wider is no record but a typo or a probe, and
 * years PostgreSQL or JavaScript cannot hold (0000, 10000) would fail far from the form.
 */
export const firstDate = "1900-01-01";
export const lastDate = "2100-12-31";
export const isCalendarDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < firstDate || v > lastDate) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
/** A real day between 1900 and 2100, as `YYYY-MM-DD`. */
export const calendarDate = z.string().refine(isCalendarDate, "validation.dateRange");
export const optionalDate = z.preprocess(blankAsMissing, calendarDate.optional());
export const countryCode = z.string().regex(/^[A-Z]{2}$/);

export const requiredText = (min: number, max: number) =>
  z.preprocess(blankAsMissing, z.string().trim().min(min).max(max));
export const optionalText = (max: number) => z.preprocess(blankAsMissing, z.string().trim().max(max).optional());

/** Refuses a line break before trimming: in a name or address bound for a mail header it is injection. */
const oneLine = z.string().regex(/^[^\r\n]*$/, "validation.lineBreak");
/** One line of text, e.g. a name that goes into a mail's To header. */
export const singleLine = (min: number, max: number) => z.preprocess(blankAsMissing, oneLine.trim().min(min).max(max));
/** An email address: one line, at most 254 characters (RFC 5321's limit on a path). */
export const emailAddress = z.preprocess(blankAsMissing, oneLine.trim().max(254).pipe(z.email()));

/** A checkbox group: absent when nothing is ticked, a string for one, a list for more. */
export const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
