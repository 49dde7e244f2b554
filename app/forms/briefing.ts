// Issuing a visit's briefing (editors): browser-safe schema. The versions are those the editor read
// the briefing at, so a briefing that changed since is not issued unread.
import { z } from "zod";
import { idField } from "../lib/form-schema";

export const briefingIssueForm = z.object({
  intent: z.literal("issue"),
  version: idField,
  itineraryVersion: idField,
  delegationVersion: idField,
});
