// The briefing's lines as words, the same on its page and in its PDF.
import type { Language } from "../i18n/config";
import type { TFunction } from "../i18n/translator";
import type { TravelMode } from "./enums";
import type { Formatter } from "./format";
import { localized, type LocalizedText } from "./localized";

/** "Head of Service Standards, KemenPANRB", or whichever part is known. */
export function positionLine(
  member: { title: LocalizedText | null; organizationName: LocalizedText | null },
  lang: Language,
): string {
  return [localized(member.title, lang), localized(member.organizationName, lang)].filter(Boolean).join(", ");
}

/**
 * "Flight GA 1234 · 10 Jun 2025, 09:30 (Asia/Baku)": the time on the clock of the visit's place
 * (`format` is made for `timeZone`), or "" when nothing is known.
 */
export function travelLine(
  travel: { mode: TravelMode | null; ref: string | null; at: Date | string | null },
  t: TFunction,
  format: Formatter,
  timeZone: string,
): string {
  const how = [travel.mode ? t(`briefing.travelModes.${travel.mode}`) : "", travel.ref ?? ""].filter(Boolean).join(" ");
  return [how, travel.at ? `${format.dateTime(travel.at)} (${timeZone})` : ""].filter(Boolean).join(" · ");
}
