import type { SameKeys } from "../translator";
import { briefing } from "./en/briefing";
import { delegation } from "./en/delegation";
import { followUps } from "./en/follow-ups";
import { itinerary } from "./en/itinerary";
import { visits } from "./en/visits";
import { visitLinks } from "./en/visit-links";

export const enVisits = { visits, delegation, itinerary, briefing, followUps, visitLinks };

export type VisitsTranslation = SameKeys<typeof enVisits>;
