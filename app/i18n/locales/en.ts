import type { SameKeys } from "../translator";
import { enCore } from "./en-core";
import { enAccount } from "./en-account";
import { enActivities } from "./en-activities";
import { enAgreements } from "./en-agreements";
import { enCases } from "./en-cases";
import { enDashboard } from "./en-dashboard";
import { enLibrary } from "./en-library";
import { enMail } from "./en-mail";
import { enPeople } from "./en-people";
import { enVisits } from "./en-visits";

/** Every English string: what the server renders with and what the keys' type is made from. */
export const en = {
  ...enCore,
  ...enActivities,
  ...enAgreements,
  ...enLibrary,
  ...enCases,
  ...enDashboard,
  ...enMail,
  ...enAccount,
  ...enVisits,
  ...enPeople,
};

export type Translation = SameKeys<typeof en>;
