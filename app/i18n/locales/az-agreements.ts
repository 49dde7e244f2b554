import type { AgreementsTranslation } from "./en-agreements";
import { agreements } from "./az/agreements";
import { commitments } from "./az/commitments";

export const azAgreements: AgreementsTranslation = { agreements, commitments };
