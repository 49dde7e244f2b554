// The follow button of the agreement, commitment and activity pages: browser-safe schema.
import { z } from "zod";
import { followSubjects } from "../lib/enums";
import { idField } from "../lib/form-schema";

export const followForm = z.object({
  intent: z.enum(["follow", "unfollow"]),
  subjectType: z.enum(followSubjects),
  subjectId: idField,
});
