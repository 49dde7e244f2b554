import type { Translation } from "./en";
import { azCore } from "./az-core";
import { azAccount } from "./az-account";
import { azActivities } from "./az-activities";
import { azAgreements } from "./az-agreements";
import { azCases } from "./az-cases";
import { azDashboard } from "./az-dashboard";
import { azLibrary } from "./az-library";
import { azMail } from "./az-mail";
import { azPeople } from "./az-people";
import { azVisits } from "./az-visits";

export const az: Translation = {
  ...azCore,
  ...azActivities,
  ...azAgreements,
  ...azLibrary,
  ...azCases,
  ...azDashboard,
  ...azMail,
  ...azAccount,
  ...azVisits,
  ...azPeople,
};
