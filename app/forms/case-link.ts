// The replication link form's fields and rules: no server code, so the browser can check them too.
import { z } from "zod";
import { caseLinkStatuses } from "../lib/enums";
import { countryCode, idField, optionalId, optionalText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

/** Seen from the page's case: it took its idea from the other case, or the other case took it from it. */
export const linkDirections = ["inspiredBy", "adaptedAs"] as const;
export type LinkDirection = (typeof linkDirections)[number];

const number = (min: number, max: number, message: string) =>
  z.preprocess(
    blankAsMissing,
    z.coerce.number(message).refine(Number.isFinite, message).min(min, message).max(max, message).optional(),
  );

const linkFields = {
  otherCaseId: idField,
  direction: z.enum(linkDirections),
  placeEn: optionalText(200),
  placeId: optionalText(200),
  placeAz: optionalText(200),
  countryCode: z.preprocess(blankAsMissing, countryCode.optional()),
  latitude: number(-90, 90, "replication.form.latitudeRange"),
  longitude: number(-180, 180, "replication.form.longitudeRange"),
  year: z.preprocess(
    blankAsMissing,
    z.coerce
      .number("replication.form.yearRange")
      .int("replication.form.yearRange")
      .min(1900, "replication.form.yearRange")
      .max(2100, "replication.form.yearRange")
      .optional(),
  ),
  status: z.enum(caseLinkStatuses),
  noteEn: optionalText(2000),
  noteId: optionalText(2000),
  noteAz: optionalText(2000),
  sourceId: optionalId,
};

type Located = { latitude?: unknown; longitude?: unknown };
// A place on the map needs both coordinates; checked even while other fields are wrong.
const bothOrNeither = (v: Located) => (v.latitude === undefined) === (v.longitude === undefined);
const coordinatesParams = {
  message: "replication.form.bothCoordinates",
  path: ["longitude"],
  when: (p: { value: unknown }) => {
    const v = p.value as Located | undefined;
    return typeof v?.latitude === "number" || typeof v?.longitude === "number";
  },
};

// The page's forms are told apart by their intent (add, edit, delete), which dispatchIntent reads.
export const newCaseLinkForm = z.object(linkFields).refine(bothOrNeither, coordinatesParams);

export const editCaseLinkForm = z
  .object({ linkId: idField, version: idField, ...linkFields })
  .refine(bothOrNeither, coordinatesParams);

export const deleteCaseLinkForm = z.object({ linkId: idField, version: idField });
