import type { DashboardTranslation } from "./en-dashboard";
import { dashboard } from "./id/dashboard";

export const idDashboard: DashboardTranslation = { dashboard };
