import { Link } from "react-router";
import type { Route } from "./+types/admin.mail.$id";
import { ActionForm } from "../components/form-action";
import { Badge } from "../components/status-badge";
import { db } from "../db.server";
import { mailRetryForm } from "../forms/mail";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { supportedLanguages } from "../i18n/config";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter } from "../lib/use-formatter";
import { getOutboxMail, retryMail } from "../models/mail-outbox.server";
import "../styles/mail.css";
import { mailPage } from "../i18n/packs";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const mail = await getOutboxMail(db, idParam(params));
  if (!mail) notFound();
  // The HTML has a page of its own; the headers hold a working unsubscribe token.
  const { dedupeKey: _internal, leaseUntil: _lease, userId: _user, html: _html, headers: _headers, ...shown } = mail;
  return { mail: shown, title: `${mail.subject} · ${getI18n(context).t("mail.title")}` };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = requireUser(context, request, "admin");
  const id = idParam(params);
  const form = await request.formData();
  return dispatchIntent(
    form,
    {
      retry: () =>
        saveForm(form, mailRetryForm, {
          intent: "retry",
          save: () => retryMail(db, { userId: admin.id }, id),
          done: () => redirectWithNotice(`/admin/mail/${id}`, "mail.retried"),
        }),
    },
    "retry",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function OutboxMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { mail } = loaderData;
  const refusal = actionData?.reply.error?.[""]?.[0];
  const language = supportedLanguages.find((l) => l === mail.locale);
  return (
    <div className="page">
      <p>
        <Link to="/admin/mail">← {t("mail.back")}</Link>
      </p>
      <h1 className="mail-subject">{mail.subject}</h1>
      {refusal ? (
        <div role="alert" className="alert">
          {t(refusal.key, refusal.values)}
        </div>
      ) : null}
      <dl className="facts mail-facts">
        <dt>{t("mail.to")}</dt>
        <dd>{mail.toName ? `${mail.toName} <${mail.toAddress}>` : mail.toAddress}</dd>
        <dt>{t("mail.kind")}</dt>
        <dd>{t(`mail.kinds.${mail.kind}`)}</dd>
        <dt>{t("mail.language")}</dt>
        <dd>{language ? t(`language.${language}`) : mail.locale}</dd>
        <dt>{t("mail.status")}</dt>
        <dd>
          <Badge value={mail.status} label={t(`mail.statuses.${mail.status}`)} />
        </dd>
        <dt>{t("mail.queuedAt")}</dt>
        <dd>{format.dateTime(mail.createdAt)}</dd>
        {mail.sentAt ? (
          <>
            <dt>{t("mail.sentAt")}</dt>
            <dd>{format.dateTime(mail.sentAt)}</dd>
          </>
        ) : null}
        {mail.status === "queued" && mail.attempts > 0 ? (
          <>
            <dt>{t("mail.nextAttemptAt")}</dt>
            <dd>{format.dateTime(mail.nextAttemptAt)}</dd>
          </>
        ) : null}
        <dt>{t("mail.attempts")}</dt>
        <dd>{format.number(mail.attempts)}</dd>
        {mail.lastError ? (
          <>
            <dt>{t("mail.lastError")}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
        {mail.providerMessageId ? (
          <>
            <dt>{t("mail.providerId")}</dt>
            <dd>{mail.providerMessageId}</dd>
          </>
        ) : null}
      </dl>
      {mail.status === "failed" ? (
        <ActionForm id="retry" result={actionData} values={{ intent: "retry" }}>
          <button type="submit" className="button">
            {t("mail.retry")}
          </button>
        </ActionForm>
      ) : null}

      <h2>{t("mail.text")}</h2>
      <pre className="mail-text">{mail.text}</pre>

      <p>
        {/* Its own document (see the route): the email's markup never mixes with the page's. */}
        <a href={`/admin/mail/${mail.id}/html`}>{t("mail.html")}</a> <span className="meta">{t("mail.htmlNote")}</span>
      </p>
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = mailPage;
