import type { SameKeys } from "../translator";
import { dashboard } from "./en/dashboard";

export const enDashboard = { dashboard };

export type DashboardTranslation = SameKeys<typeof enDashboard>;
