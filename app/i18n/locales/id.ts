import type { Translation } from "./en";
import { idCore } from "./id-core";
import { idAccount } from "./id-account";
import { idActivities } from "./id-activities";
import { idAgreements } from "./id-agreements";
import { idCases } from "./id-cases";
import { idDashboard } from "./id-dashboard";
import { idLibrary } from "./id-library";
import { idMail } from "./id-mail";
import { idPeople } from "./id-people";
import { idVisits } from "./id-visits";

export const id: Translation = {
  ...idCore,
  ...idActivities,
  ...idAgreements,
  ...idLibrary,
  ...idCases,
  ...idDashboard,
  ...idMail,
  ...idAccount,
  ...idVisits,
  ...idPeople,
};
