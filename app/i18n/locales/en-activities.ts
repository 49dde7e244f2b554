import type { SameKeys } from "../translator";
import { activities } from "./en/activities";
import { activityList } from "./en/activity-list";

export const enActivities = { activities, activityList };

export type ActivitiesTranslation = SameKeys<typeof enActivities>;
