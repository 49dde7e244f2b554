import { z } from "zod";
import { idField } from "../lib/form-schema";

/** Merging a duplicate into the record on screen: which one, and the version the editor saw. */
export const mergeFormSchema = z.object({ version: idField, duplicateId: idField });
