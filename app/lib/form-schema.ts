import { z } from "zod";
import { blankAsMissing } from "./forms";

/** The zod pieces the record forms are built from; blank inputs count as missing throughout. */

/** The largest id a PostgreSQL integer column holds: a bigger one is no record, not a database error. */
export const maxId = 2 ** 31 - 1;
export const idField = z.coerce.number().int().positive().max(maxId);
export const optionalId = z.preprocess(blankAsMissing, idField.optional());
export const optionalDate = z.preprocess(blankAsMissing, z.iso.date().optional());
export const countryCode = z.string().regex(/^[A-Z]{2}$/);

export const requiredText = (min: number, max: number) =>
  z.preprocess(blankAsMissing, z.string().trim().min(min).max(max));
export const optionalText = (max: number) => z.preprocess(blankAsMissing, z.string().trim().max(max).optional());

/** A checkbox group: absent when nothing is ticked, a string for one, a list for more. */
export const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
