import type { SameKeys } from "../translator";
import { briefing } from "./en/briefing";
import { delegation } from "./en/delegation";
import { followUps } from "./en/follow-ups";
import { itinerary } from "./en/itinerary";
import { visits } from "./en/visits";

export const enVisits = { visits, delegation, itinerary, briefing, followUps };

export type VisitsTranslation = SameKeys<typeof enVisits>;
