import type { SameKeys } from "../translator";
import { caseEditor } from "./en/case-editor";

export const enCases = { caseEditor };

export type CasesTranslation = SameKeys<typeof enCases>;
