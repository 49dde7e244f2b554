import type { CasesTranslation } from "./en-cases";
import { caseEditor } from "./az/case-editor";

export const azCases: CasesTranslation = { caseEditor };
