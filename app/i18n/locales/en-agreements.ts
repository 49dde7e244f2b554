import type { SameKeys } from "../translator";
import { agreements } from "./en/agreements";
import { commitments } from "./en/commitments";

export const enAgreements = { agreements, commitments };

export type AgreementsTranslation = SameKeys<typeof enAgreements>;
