// Between the follow-up form and the record: what a checked form saves, and what the form shows.
import type { z } from "zod";
import type { FormValues } from "./result";
import { localizedText } from "../lib/localized";
import type { FollowUpInput, FollowUpSnapshot } from "../models/follow-up.server";
import type { editFollowUpForm, newFollowUpForm } from "./follow-up";

export function followUpInput(v: z.output<typeof newFollowUpForm> | z.output<typeof editFollowUpForm>): FollowUpInput {
  return {
    title: localizedText(v.titleEn, v.titleId, v.titleAz),
    ownerId: v.ownerId,
    dueOn: v.dueOn,
    status: v.status,
    commitmentIds: [...new Set(v.commitmentIds)],
  };
}

/** A follow-up as its edit form shows it, and as a conflict compares it. */
export function followUpFormValues(f: FollowUpSnapshot): FormValues {
  return {
    followUpId: String(f.id),
    titleEn: f.title.en,
    titleId: f.title.id ?? "",
    titleAz: f.title.az ?? "",
    ownerId: String(f.ownerId),
    dueOn: f.dueOn,
    status: f.status,
    commitmentIds: f.commitmentIds.map(String).sort(),
    version: String(f.version),
  };
}
