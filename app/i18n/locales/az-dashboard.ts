import type { DashboardTranslation } from "./en-dashboard";
import { dashboard } from "./az/dashboard";

export const azDashboard: DashboardTranslation = { dashboard };
