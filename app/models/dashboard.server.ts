import type { Database } from "../db.server";
import { upcomingActivities, recentActivities } from "./activity.server";
import { listAgreements } from "./agreement.server";

export async function getDashboard(db: Database, now = new Date()) {
  const [agreements, upcoming, recent] = await Promise.all([
    listAgreements(db),
    upcomingActivities(db, now),
    recentActivities(db, now),
  ]);
  return { agreements, upcoming, recent };
}
