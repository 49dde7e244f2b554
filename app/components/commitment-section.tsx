import { useTranslation } from "../i18n/translation";
import type { FormErrors, TypedValues } from "../lib/forms";

/** The forms of the commitment page, by the `intent` each posts. */
export type CommitmentIntent =
  "status" | "evidence" | "milestone" | "milestone-done" | "focal-point" | "confirm" | "withdraw-confirmation";

/** The page action's answer to a change it refused: which form sent it, why, and what was typed. */
export interface CommitmentActionResult {
  intent: CommitmentIntent;
  errors: FormErrors;
  values: TypedValues;
  /** After a conflict: the status saved now. */
  current: { status: string } | null;
}

/** What a section of the page needs to show its forms again: the refused change, if it was its own. */
export interface SectionState {
  result?: CommitmentActionResult;
  /** Changes with each saved change, so the section's forms start empty again. */
  formKey: string;
}

/** The alert at the top of a section whose change was refused. */
export function SectionAlert({ result }: { result?: CommitmentActionResult }) {
  const { t } = useTranslation();
  if (!result) return null;
  const message = result.errors.form ?? result.errors.countryCode ?? { key: "validation.formErrors" };
  return (
    <div role="alert" className="alert">
      {t(message.key, message.values)}
      {result.current ? (
        <> {t("commitments.nowStatus", { status: t(`commitmentStatus.${result.current.status}`) })}</>
      ) : null}
    </div>
  );
}
