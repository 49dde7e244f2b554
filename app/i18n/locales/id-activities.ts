import type { ActivitiesTranslation } from "./en-activities";
import { activities } from "./id/activities";
import { activityList } from "./id/activity-list";

export const idActivities: ActivitiesTranslation = { activities, activityList };
