import { enDashboard, type DashboardTranslation } from "./en-dashboard";

// PLACEHOLDER (issue 13): the English strings stand in until the Azerbaijani dashboard pack is translated
// into ./az/ modules, as ./id-dashboard.ts is; replace this file, do not extend it.
export const azDashboard: DashboardTranslation = enDashboard;
