import { data, Form, Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { Route } from "./+types/unsubscribe.$token";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { appSecret } from "../lib/auth.server";
import { titled } from "../lib/meta";
import { readUnsubscribeToken } from "../mail/unsubscribe.server";
import { disableNotice, type NoticeKind } from "../models/notice-preferences.server";

/**
 * One notice's unsubscribe link, from an email's footer or its List-Unsubscribe header. Needs no
 * session: the token says whose preference and which. GET asks (a link checker or a preview must
 * not unsubscribe anyone); POST, from the page's button or a mail client's one click, turns it off.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { t } = getI18n(context);
  const found = readUnsubscribeToken(await appSecret(), params.token);
  if (!found) return data({ title: t("notices.unsubscribe.title"), kind: null }, { status: 404 });
  return { title: t("notices.unsubscribe.title"), kind: found.kind };
}

export async function action({ params }: Route.ActionArgs) {
  const found = readUnsubscribeToken(await appSecret(), params.token);
  // The user it names may have been deleted since the email went out.
  const done = found && (await disableNotice(db, { userId: found.userId }, found.userId, found.kind));
  if (!found || !done) return data({ done: null }, { status: 404 });
  return { done: found.kind };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

// The page's address is a credential: no cache keeps it.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const kind: NoticeKind | null = actionData ? actionData.done : loaderData.kind;
  const what = kind ? t(`notices.kinds.${kind}`) : "";
  return (
    <div className="page page--narrow">
      <h1>{t("notices.unsubscribe.title")}</h1>
      {!kind ? (
        <p role="alert">{t("notices.unsubscribe.invalid")}</p>
      ) : actionData ? (
        <>
          <p role="status">{t("notices.unsubscribe.done", { what })}</p>
          <p>
            <Link to="/account">{t("notices.unsubscribe.again")}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <p>{t("notices.unsubscribe.text", { what })}</p>
          <button type="submit" className="button">
            {t("notices.unsubscribe.button")}
          </button>
        </Form>
      )}
    </div>
  );
}
