import { useTranslation } from "../i18n/translation";
import type { ActionResult } from "../forms/result";
import type { FieldMessage } from "../lib/forms";

/** The forms of the commitment page, by the `intent` each posts. */
export type CommitmentIntent =
  "assess" | "evidence" | "milestone" | "milestone-done" | "focal-point" | "confirm" | "withdraw-confirmation";

/** The page action's answer to a change it refused: the one ActionResult shape of every form. */
export type CommitmentActionResult = ActionResult;

/** The first message of a field of the refused change ("" for the form's own). */
export const messageOf = (result: ActionResult | undefined, field: string): FieldMessage | undefined =>
  result?.reply.error?.[field]?.[0];

/** A field of the refused change as it was typed. */
export function typedOf(result: ActionResult | undefined, field: string): string {
  const v = result?.reply.initialValue?.[field];
  return typeof v === "string" ? v : "";
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
  const message: FieldMessage = messageOf(result, "") ??
    messageOf(result, "countryCode") ?? { key: result.conflict ? "commitments.conflict" : "validation.formErrors" };
  const current = result.conflict?.theirs.status;
  return (
    <div role="alert" className="alert">
      {t(message.key, message.values)}
      {typeof current === "string" ? (
        <>
          {" "}
          {t("commitments.nowStatus", {
            status: t(`commitmentStatus.${current}`, { defaultValue: current }),
          })}
        </>
      ) : null}
    </div>
  );
}
