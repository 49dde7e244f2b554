import type { VisitsTranslation } from "./en-visits";
import { briefing } from "./az/briefing";
import { delegation } from "./az/delegation";
import { followUps } from "./az/follow-ups";
import { itinerary } from "./az/itinerary";
import { visits } from "./az/visits";
import { visitLinks } from "./az/visit-links";

export const azVisits: VisitsTranslation = { visits, delegation, itinerary, briefing, followUps, visitLinks };
