// A commitment's facts as text, shared by its own page (within markup) and the agreement page's
// cards (as lines of text, ten to a page).
import type { Language } from "../i18n/config";
import type { TFunction } from "../i18n/translator";
import type { Formatter } from "./format";
import { localized, type LocalizedText } from "./localized";

/** The organization that answers for a commitment, "Name (ACRONYM)", or null where none is named. */
export function responsibleText(name: LocalizedText | null, acronym: string | null, lang: Language): string | null {
  if (!name) return null;
  return acronym ? `${localized(name, lang)} (${acronym})` : localized(name, lang);
}

/** Who confirmed a side's completion and when, and that it was on the side's behalf where it was. */
export function confirmationText(
  c: { confirmedAt: Date | string; confirmedBy: { name: string } | null; onBehalf: boolean },
  sideName: string,
  t: TFunction,
  format: Formatter,
): string {
  const by = t("commitments.confirmedBy", {
    name: c.confirmedBy?.name ?? t("commitments.formerUser"),
    when: format.dateTime(c.confirmedAt),
  });
  return c.onBehalf ? `${by}, ${t("commitments.onBehalfOf", { side: sideName })}` : by;
}
