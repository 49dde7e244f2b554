import type { AgreementsTranslation } from "./en-agreements";
import { agreements } from "./id/agreements";
import { commitments } from "./id/commitments";

export const idAgreements: AgreementsTranslation = { agreements, commitments };
