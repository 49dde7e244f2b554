// The follow-up form's fields and rules: no server code, so the browser can check them too.
import { z } from "zod";
import { followUpStatuses } from "../lib/enums";
import { blankAsMissing } from "../lib/forms";
import { asList, calendarDate, idField, maxId, optionalText, requiredText } from "../lib/form-schema";

const followUpFields = {
  titleEn: requiredText(3, 300),
  titleId: optionalText(300),
  titleAz: optionalText(300),
  // Every follow-up has an owner: the one reminded, and the one whose account page lists it.
  ownerId: z.preprocess(blankAsMissing, z.coerce.number("followUps.ownerRequired").int().positive().max(maxId)),
  dueOn: calendarDate,
  status: z.enum(followUpStatuses),
  commitmentIds: z.preprocess(asList, z.array(idField).max(100)),
};

/** A new follow-up of the visit in the address. */
export const newFollowUpForm = z.object(followUpFields);

/** An edit of one follow-up, from the version the editor loaded. */
export const editFollowUpForm = z.object({
  followUpId: idField,
  version: idField,
  ...followUpFields,
});

/** The intents of the follow-ups page's two forms. */
export const createFollowUpIntent = "create";
export const updateFollowUpIntent = "update";

/** The fields the conflict view compares, in the form's order. */
export const followUpConflictFields = ["titleEn", "titleId", "titleAz", "ownerId", "dueOn", "status", "commitmentIds"];
