import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../db/schema/columns";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";

export interface ConfirmationItem {
  countryCode: string;
  confirmedAt: Date | string;
  confirmedBy: { id: number; name: string } | null;
}

/** Each side of the partnership, with who confirmed completion for it and when, or that nobody has. */
export function ConfirmationList({
  sides,
  confirmations,
  actions,
}: {
  sides: { code: string; name: LocalizedText }[];
  confirmations: ConfirmationItem[];
  /** Editor controls for a side (confirm, withdraw), rendered after its line. */
  actions?: (side: { code: string; name: LocalizedText }, confirmed: boolean) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const bySide = new Map(confirmations.map((c) => [c.countryCode, c]));
  return (
    <ul className="plain side-list">
      {sides.map((side) => {
        const c = bySide.get(side.code);
        return (
          <li key={side.code}>
            <strong>{localized(side.name, lang)}:</strong>{" "}
            {c ? (
              <span className="confirmed">
                {t("commitments.confirmedBy", {
                  name: c.confirmedBy?.name ?? t("commitments.formerUser"),
                  when: format.dateTime(c.confirmedAt),
                })}
              </span>
            ) : (
              <span className="muted">{t("commitments.notConfirmed")}</span>
            )}
            {actions ? actions(side, !!c) : null}
          </li>
        );
      })}
    </ul>
  );
}
