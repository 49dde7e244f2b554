// An activity as stored and as the model writes it: the row's columns and the input's shape.
import { activities } from "../../db/schema";
import { type activityModes, type activityStatuses, type activityTypes, type DatePrecision } from "../lib/enums";
import { periodSpan } from "../lib/sourced-date";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import type { LinkIds } from "./activity-links.server";

export interface RichText {
  json: unknown;
  html: string;
  text: string;
}

/** An activity as the model writes it: instants in UTC, links as id lists. */
export interface ActivityInput {
  title: LocalizedText;
  type: (typeof activityTypes)[number];
  status: (typeof activityStatuses)[number];
  mode: (typeof activityModes)[number];
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  /**
   * How precise the source's date is. A month or year is saved as the whole period, whatever
   * day within it the start and end name. Absent: a day, as given.
   */
  datePrecision?: DatePrecision;
  /** The source gives the date only roughly, or it is inferred. Absent: exact. */
  dateApproximate?: boolean;
  city: string | null;
  countryCode: string | null;
  agreementId: number | null;
  description: LocalizedText | null;
  outputs: LocalizedText | null;
  lessons: RichText | null;
  commitmentIds: number[];
  organizerIds: number[];
  participantIds: number[];
  /**
   * The library cases its lessons concern. Absent: left as they are (the seed's activities say
   * nothing of cases, so seeding again keeps the links made in the app).
   */
  caseIds?: number[];
}

/** The stored state a conflict reports: what someone else saved, with its version. */
export type ActivitySnapshot = ActivityInput & { version: number };

/** How precise an activity's date is, for every query that shows it (lib/sourced-date.ts). */
export const sourcedDateColumns = {
  datePrecision: activities.datePrecision,
  dateApproximate: activities.dateApproximate,
};

/** An activity as a dated line in a list: what it is and when, as precisely as its source gives it. */
export const datedActivityFields = {
  id: activities.id,
  title: activities.title,
  startsAt: activities.startsAt,
  allDay: activities.allDay,
  ...sourcedDateColumns,
};

// Every column but the generated `search`, which only the list's search reads.
export const activityColumns = {
  id: activities.id,
  slug: activities.slug,
  agreementId: activities.agreementId,
  type: activities.type,
  title: activities.title,
  description: activities.description,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  allDay: activities.allDay,
  ...sourcedDateColumns,
  city: activities.city,
  countryCode: activities.countryCode,
  mode: activities.mode,
  status: activities.status,
  outputs: activities.outputs,
  lessonsJson: activities.lessonsJson,
  lessonsHtml: activities.lessonsHtml,
  lessonsText: activities.lessonsText,
  example: activities.example,
  version: activities.version,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

export const selectRows = (db: Database) => db.select(activityColumns).from(activities);
export type ActivityRow = Awaited<ReturnType<typeof selectRows>>[number];

export function asInput(row: ActivityRow, links: LinkIds): ActivityInput {
  return {
    title: row.title,
    type: row.type,
    status: row.status,
    mode: row.mode,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    allDay: row.allDay,
    datePrecision: row.datePrecision,
    dateApproximate: row.dateApproximate,
    city: row.city,
    countryCode: row.countryCode,
    agreementId: row.agreementId,
    description: row.description,
    outputs: row.outputs,
    lessons:
      row.lessonsJson != null
        ? { json: row.lessonsJson, html: row.lessonsHtml ?? "", text: row.lessonsText ?? "" }
        : null,
    ...links,
  };
}

export function columnValues(input: ActivityInput) {
  const datePrecision = input.datePrecision ?? "day";
  return {
    agreementId: input.agreementId,
    type: input.type,
    title: input.title,
    description: input.description,
    allDay: input.allDay,
    ...periodSpan(datePrecision, input.startsAt, input.endsAt),
    datePrecision,
    dateApproximate: input.dateApproximate ?? false,
    city: input.city,
    countryCode: input.countryCode,
    mode: input.mode,
    status: input.status,
    outputs: input.outputs,
    lessonsJson: input.lessons?.json ?? null,
    lessonsHtml: input.lessons?.html ?? null,
    lessonsText: input.lessons?.text ?? null,
  };
}
