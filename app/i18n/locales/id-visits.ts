import type { VisitsTranslation } from "./en-visits";
import { briefing } from "./id/briefing";
import { delegation } from "./id/delegation";
import { followUps } from "./id/follow-ups";
import { itinerary } from "./id/itinerary";
import { visits } from "./id/visits";
import { visitLinks } from "./id/visit-links";

export const idVisits: VisitsTranslation = { visits, delegation, itinerary, briefing, followUps, visitLinks };
