import type { ActivitiesTranslation } from "./en-activities";
import { activities } from "./az/activities";
import { activityList } from "./az/activity-list";

export const azActivities: ActivitiesTranslation = { activities, activityList };
