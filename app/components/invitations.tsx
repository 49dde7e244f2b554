// The users page's invitations: the form that sends one, and the list of those still waiting.
import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import type { z } from "zod";
import { invitationForm } from "../forms/access";
import type { ActionResult } from "../forms/result";
import { supportedLanguages } from "../i18n/config";
import { useTranslation } from "../i18n/translation";
import { roles, type Role } from "../lib/enums";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { EnumField, Field, textOf } from "./form-field";
import { TableScroll } from "./table-scroll";
import { useRecordForm } from "./use-record-form";
import { DeliveryWarning, type SuppressionView } from "./delivery-flag";

/** The intents of this part of the page, so the page shows their answers here and nowhere else. */
export const invitationIntents = ["invite", "resendInvitation", "revokeInvitation"];

export interface PendingInvitation {
  id: number;
  version: number;
  email: string;
  name: string;
  role: Role;
  invitedAt: Date | string;
  expiresAt: Date | string;
  expired: boolean;
  invitedBy: string | null;
}

export function InviteForm({ result, organizationOptions }: { result?: ActionResult; organizationOptions: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<keyof z.input<typeof invitationForm>>({
    id: "invite",
    result,
    defaultValue: { role: "viewer", organizationId: "", language: lang },
    schema: invitationForm,
  });
  return (
    // The browser's own check of the address still speaks first: Conform's noValidate would silence it.
    <Form method="post" className="form" {...getFormProps(form)} noValidate={false}>
      <p className="hint">{t("access.inviteHint")}</p>
      <input type="hidden" name="intent" value="invite" />
      <Field meta={fields.email} label={t("form.email")}>
        {(a) => (
          <input {...a} type="email" required maxLength={254} autoComplete="off" defaultValue={textOf(fields.email)} />
        )}
      </Field>
      <Field meta={fields.name} label={t("users.name")}>
        {(a) => <input {...a} type="text" required maxLength={120} defaultValue={textOf(fields.name)} />}
      </Field>
      <EnumField meta={fields.role} label={t("form.role")} choices={roles} group="roles" />
      <Field meta={fields.organizationId} label={t("users.organization")} hint={t("users.organizationHint")} optional>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.organizationId)}>
            {organizationOptions}
          </select>
        )}
      </Field>
      <Field meta={fields.language} label={t("access.language")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.language) || lang}>
            {supportedLanguages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button">
        {t("access.invite")}
      </button>
    </Form>
  );
}

/** Invitations not yet accepted, each with its link's expiry, to send again or withdraw. */
export function PendingInvitations({
  invitations,
  suppressions = {},
  result,
}: {
  invitations: PendingInvitation[];
  /** Addresses that bounced or complained: an invitation still goes, and the admin sees it may not arrive. */
  suppressions?: Record<string, SuppressionView>;
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const error = result && Object.values(result.reply.error ?? {}).find(Boolean)?.[0];
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t("access.pendingTitle")}</h2>
      {error ? (
        <div role="alert" className="alert">
          {t(error.key, error.values)}
        </div>
      ) : null}
      {invitations.length ? (
        <TableScroll labelledBy="pending-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("form.email")}</th>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("form.role")}</th>
                <th scope="col">{t("access.invitedAt")}</th>
                <th scope="col">{t("access.expiresAt")}</th>
                <th scope="col">{t("access.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={`${i.id}-${i.version}`}>
                  <th scope="row">{i.email}</th>
                  <td>{i.name}</td>
                  <td>{t(`roles.${i.role}`)}</td>
                  <td>
                    {format.dateTime(i.invitedAt)}
                    {i.invitedBy ? <div className="meta">{i.invitedBy}</div> : null}
                  </td>
                  <td>{i.expired ? t("access.expired") : format.dateTime(i.expiresAt)}</td>
                  <td>
                    {/* Sending again goes to the address anyway: the admin sees why it may not arrive. */}
                    {suppressions[i.email] ? (
                      <div className="delivery-flag">
                        <DeliveryWarning suppression={suppressions[i.email]!} />
                      </div>
                    ) : null}
                    <PendingAction invitation={i} intent="resendInvitation" label={t("access.resend")} />
                    <PendingAction invitation={i} intent="revokeInvitation" label={t("access.revoke")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("access.pendingEmpty")}</p>
      )}
    </section>
  );
}

function PendingAction({
  invitation,
  intent,
  label,
}: {
  invitation: PendingInvitation;
  intent: string;
  label: string;
}) {
  return (
    <Form method="post" className="inline-action">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={invitation.id} />
      <input type="hidden" name="version" value={invitation.version} />
      <button type="submit" className="button button--quiet">
        {label}
        <span className="visually-hidden"> {invitation.email}</span>
      </button>
    </Form>
  );
}
