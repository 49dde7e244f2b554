import type { CasesTranslation } from "./en-cases";
import { caseEditor } from "./id/case-editor";

export const idCases: CasesTranslation = { caseEditor };
