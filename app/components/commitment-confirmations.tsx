import { useTranslation } from "../i18n/translation";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { confirmationText } from "../lib/commitment-text";
import { SectionAlert, type CommitmentActionResult } from "./commitment-section";
import { ActionForm } from "./form-action";

export interface ConfirmationItem {
  countryCode: string;
  confirmedAt: Date | string;
  confirmedBy: { id: number; name: string } | null;
  /** Recorded by an administrator on the side's behalf, not by one of its own. */
  onBehalf: boolean;
}

/** How the signed-in user may confirm for a side (see `mayConfirm` in the tracking model). */
export type ConfirmRight = "own" | "on-behalf" | null;

/** Each side of the partnership, with who confirmed completion for it and when, or that nobody has. */
export function ConfirmationList({
  sides,
  confirmations,
  actions,
}: {
  sides: { code: string; name: LocalizedText }[];
  confirmations: ConfirmationItem[];
  /** Editor controls for a side (confirm, withdraw), rendered after its line. */
  actions?: (side: { code: string; name: LocalizedText }, confirmed: ConfirmationItem | undefined) => React.ReactNode;
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
              <span className="confirmed">{confirmationText(c, localized(side.name, lang), t, format)}</span>
            ) : (
              <span className="muted">{t("commitments.notConfirmed")}</span>
            )}
            {actions ? actions(side, c) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Each side confirms for itself that a complete commitment is met: its own editors confirm (from
 * the version they see) or withdraw its confirmation, and an administrator may do so on its behalf.
 */
export function ConfirmationsSection({
  sides,
  confirmations,
  status,
  version,
  canEdit,
  rights,
  result,
}: {
  sides: { code: string; name: LocalizedText }[];
  confirmations: ConfirmationItem[];
  status: string;
  version: number;
  canEdit: boolean;
  /** By side: whether the user confirms as one of it, on its behalf, or not at all. */
  rights: Record<string, ConfirmRight>;
  result?: CommitmentActionResult;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const noSide = !sides.some((s) => rights[s.code]);
  const actions = (side: { code: string; name: LocalizedText }, confirmed: ConfirmationItem | undefined) => {
    const right = rights[side.code];
    if (!right) {
      // Where a button would be; said once above the list when the user may confirm for no side.
      return noSide || (!confirmed && status !== "complete") ? null : (
        <span className="hint"> {t("commitments.confirmOnlyBySide", { side: localized(side.name, lang) })}</span>
      );
    }
    // The refused change, shown again with the side it was for.
    const mine = result?.reply.initialValue?.countryCode === side.code ? result : undefined;
    return confirmed ? (
      <ActionForm
        id={`withdraw-${side.code}`}
        result={mine}
        values={{
          intent: "withdraw-confirmation",
          countryCode: side.code,
          confirmedAt: new Date(confirmed.confirmedAt).toISOString(),
        }}
      >
        <button type="submit" className="button button--quiet">
          {t("commitments.withdrawConfirmation", { side: localized(side.name, lang) })}
        </button>
      </ActionForm>
    ) : status === "complete" ? (
      <ActionForm
        id={`confirm-${side.code}`}
        result={mine}
        values={{ intent: "confirm", version, countryCode: side.code }}
      >
        <button type="submit" className="button button--secondary">
          {t(right === "own" ? "commitments.confirmFor" : "commitments.confirmOnBehalf", {
            side: localized(side.name, lang),
          })}
        </button>
      </ActionForm>
    ) : null;
  };
  return (
    <section aria-labelledby="confirmations-title">
      <h2 id="confirmations-title">{t("commitments.confirmations")}</h2>
      <p className="hint">{t("commitments.confirmationsHint")}</p>
      <SectionAlert result={result} />
      {canEdit && noSide ? <p className="hint">{t("commitments.confirmNoSide")}</p> : null}
      <ConfirmationList sides={sides} confirmations={confirmations} actions={canEdit ? actions : undefined} />
      {canEdit && status !== "complete" ? <p className="hint">{t("commitments.confirmWhenComplete")}</p> : null}
    </section>
  );
}
