// A visit as stored and as the model writes it: the fields the `visits` row adds to its activity.
import type { visits } from "../../db/schema";
import type { VisitDirection, VisitStage } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { ActivityInput, RichText } from "./activity.server";

/** What a visit adds to its activity, as the model writes it. */
export interface VisitFields {
  direction: VisitDirection;
  hostOrganizationId: number | null;
  /** Every city on the route, in order. */
  cities: string[];
  /** The IANA zone of the place visited. */
  timeZone: string;
  objectives: LocalizedText | null;
  stage: VisitStage;
  talkingPoints: RichText | null;
  background: RichText | null;
}

/** A new visit: its activity (always of type visit) and its own fields; stage and texts may wait. */
export type NewVisitInput = Omit<ActivityInput, "type"> &
  Omit<VisitFields, "stage" | "talkingPoints" | "background"> &
  Partial<Pick<VisitFields, "stage" | "talkingPoints" | "background">>;

/**
 * A change to a visit: its own fields, and optionally the activity's fields a visit's form edits
 * (`activity`), checked against the activity's version as the activity's own form is.
 */
export type VisitChange = VisitFields & {
  activity?: { version: number } & Partial<Omit<ActivityInput, "type">>;
};

export type VisitRow = typeof visits.$inferSelect;

export function visitValues(
  input: Omit<VisitFields, "stage" | "talkingPoints" | "background"> &
    Partial<Pick<VisitFields, "stage" | "talkingPoints" | "background">>,
) {
  return {
    direction: input.direction,
    hostOrganizationId: input.hostOrganizationId,
    cities: input.cities,
    timeZone: input.timeZone,
    objectives: input.objectives,
    ...(input.stage ? { stage: input.stage } : {}),
    talkingPointsJson: input.talkingPoints?.json ?? null,
    talkingPointsHtml: input.talkingPoints?.html ?? null,
    talkingPointsText: input.talkingPoints?.text ?? null,
    backgroundJson: input.background?.json ?? null,
    backgroundHtml: input.background?.html ?? null,
    backgroundText: input.background?.text ?? null,
  };
}

const rich = (json: unknown, html: string | null, text: string | null): RichText | null =>
  json != null ? { json, html: html ?? "", text: text ?? "" } : null;

/** A stored visit as its form starts from it. */
export function visitAsFields(row: VisitRow): VisitFields {
  return {
    direction: row.direction,
    hostOrganizationId: row.hostOrganizationId,
    cities: row.cities,
    timeZone: row.timeZone,
    objectives: row.objectives,
    stage: row.stage,
    talkingPoints: rich(row.talkingPointsJson, row.talkingPointsHtml, row.talkingPointsText),
    background: rich(row.backgroundJson, row.backgroundHtml, row.backgroundText),
  };
}

export function visitOutcomes(row: VisitRow): RichText | null {
  return rich(row.outcomesJson, row.outcomesHtml, row.outcomesText);
}

/** What the audit log keeps of a visit (the rendered HTML follows from the JSON). */
export function visitAuditView(row: VisitRow) {
  return {
    direction: row.direction,
    hostOrganizationId: row.hostOrganizationId,
    cities: row.cities,
    timeZone: row.timeZone,
    objectives: row.objectives,
    stage: row.stage,
    talkingPointsJson: row.talkingPointsJson,
    backgroundJson: row.backgroundJson,
    outcomesJson: row.outcomesJson,
    reportWrittenAt: row.reportWrittenAt?.toISOString() ?? null,
    version: row.version,
  };
}
