// The visit forms and the visit record: the checked form turned into a visit, and back.
import { RichTextError, richTextFromForm, shownTextDigest, MAX_LIST_NESTING } from "../lexical/render.server";
import type { FieldMessage } from "../lib/forms";
import { localizedOrNull } from "../lib/localized";
import type { ActivityInput, RichText } from "../models/activity.server";
import { RuleError } from "../models/errors.server";
import type { NewVisitInput, VisitFields } from "../models/visit.server";
import type { NewVisitData, VisitEditData, VisitReportData } from "./visit";
import type { FormValues } from "./result";

/** A visit lasts whole days: 00:00Z of the first to 23:59:59Z of the last, as activities store them. */
function visitDays(v: { startsOn: string; endsOn?: string }) {
  return {
    allDay: true,
    startsAt: new Date(`${v.startsOn}T00:00:00Z`),
    endsAt: new Date(`${v.endsOn ?? v.startsOn}T23:59:59Z`),
  };
}

/** The activity's fields a visit's forms edit (the rest of the activity stays as it is). */
function activityFields(data: NewVisitData) {
  return {
    title: localizedOrNull(data.titleEn, data.titleId, data.titleAz)!,
    ...visitDays(data),
    city: data.cities[0] ?? null,
    countryCode: data.countryCode ?? null,
    agreementId: data.agreementId ?? null,
    commitmentIds: data.commitmentIds,
  };
}

function ownFields(data: NewVisitData) {
  return {
    direction: data.direction,
    hostOrganizationId: data.hostOrganizationId ?? null,
    cities: data.cities,
    timeZone: data.timeZone,
    objectives: localizedOrNull(data.objectivesEn, data.objectivesId, data.objectivesAz),
  };
}

export function newVisitInput(data: NewVisitData): NewVisitInput {
  return {
    ...activityFields(data),
    status: "planned",
    mode: "in_person",
    description: null,
    outputs: null,
    lessons: null,
    organizerIds: [],
    participantIds: [],
    ...ownFields(data),
  };
}

function richError(error: RichTextError): FieldMessage {
  if (error.code === "too_long") {
    return error.max === undefined
      ? { key: "editor.tooLong" }
      : { key: "validation.tooLong", values: { max: error.max } };
  }
  if (error.code === "too_deep") return { key: "editor.tooDeep", values: { max: MAX_LIST_NESTING } };
  return { key: "visits.lessonsInvalid" };
}

/**
 * A rich text field of a visit form, read and sanitized as the activity form reads its lessons;
 * `stored` is what the version the form was made from holds, kept as it is when a browser without
 * JavaScript sends its text back unchanged.
 */
export async function readRichText(
  data: Record<string, unknown>,
  name: string,
  stored: () => Promise<RichText | null>,
): Promise<RichText | null> {
  const form = new FormData();
  for (const field of [name, `${name}Format`, `${name}Shown`]) {
    const value = data[field];
    if (typeof value === "string") form.set(field, value);
  }
  try {
    return await richTextFromForm(form, name, stored);
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error;
    const message = richError(error);
    throw new RuleError(name, message.key, message.values);
  }
}

/** The edit form as the model takes it: the visit's fields and the activity's it carries. */
export async function visitChange(data: VisitEditData, stored: VisitFields | null) {
  const { commitmentIds, ...activity } = activityFields(data);
  return {
    ...ownFields(data),
    stage: data.stage,
    talkingPoints: await readRichText(data, "talkingPoints", async () => stored?.talkingPoints ?? null),
    background: await readRichText(data, "background", async () => stored?.background ?? null),
    activity: { version: data.activityVersion ?? 0, ...activity, commitmentIds } satisfies Partial<ActivityInput> & {
      version: number;
    },
  };
}

export async function visitReport(
  data: VisitReportData,
  stored: { outcomes: RichText | null; lessons: RichText | null } | null,
) {
  return {
    outcomes: await readRichText(data, "outcomes", async () => stored?.outcomes ?? null),
    lessons: await readRichText(data, "lessons", async () => stored?.lessons ?? null),
  };
}

/** A rich text's form values: the editor's JSON, its format, the text and its digest. */
export function richValues(name: string, value: RichText | null): FormValues {
  return {
    [name]: value ? JSON.stringify(value.json) : "",
    [`${name}Format`]: value ? "lexical" : "text",
    [`${name}Text`]: value?.text ?? "",
    // Without JavaScript the textarea shows only the text: this tells the server it was left alone.
    [`${name}Shown`]: value ? shownTextDigest(value.text) : "",
  };
}

/** The edit form's values for a stored (or submitted) visit and its activity. */
export function visitFormValues(
  activity: Pick<ActivityInput, "title" | "startsAt" | "endsAt" | "countryCode" | "agreementId" | "commitmentIds">,
  visit: VisitFields,
): FormValues {
  return {
    titleEn: activity.title.en,
    titleId: activity.title.id ?? "",
    titleAz: activity.title.az ?? "",
    direction: visit.direction,
    stage: visit.stage,
    startsOn: activity.startsAt.toISOString().slice(0, 10),
    endsOn: activity.endsAt.toISOString().slice(0, 10),
    cities: visit.cities.join("\n"),
    countryCode: activity.countryCode ?? "",
    timeZone: visit.timeZone,
    hostOrganizationId: visit.hostOrganizationId ? String(visit.hostOrganizationId) : "",
    agreementId: activity.agreementId ? String(activity.agreementId) : "",
    commitmentIds: activity.commitmentIds.map(String),
    objectivesEn: visit.objectives?.en ?? "",
    objectivesId: visit.objectives?.id ?? "",
    objectivesAz: visit.objectives?.az ?? "",
    ...richValues("talkingPoints", visit.talkingPoints),
    ...richValues("background", visit.background),
  };
}

/** The fields the conflict view compares, rich texts by their plain text. */
export const visitConflictFields = [
  "titleEn",
  "titleId",
  "titleAz",
  "direction",
  "stage",
  "startsOn",
  "endsOn",
  "cities",
  "countryCode",
  "timeZone",
  "hostOrganizationId",
  "agreementId",
  "commitmentIds",
  "objectivesEn",
  "objectivesId",
  "objectivesAz",
  "talkingPointsText",
  "backgroundText",
];
