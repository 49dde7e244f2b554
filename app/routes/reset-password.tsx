import { data } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { Route } from "./+types/reset-password";
import { LinkGone, TokenPasswordForm } from "../components/token-password";
import { db } from "../db.server";
import { tokenPasswordForm } from "../forms/access";
import { refuseSubmission } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { readToken, sessionCookie } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";
import { resetPassword } from "../models/token-passwords.server";
import { findValidToken, linkOrigin } from "../models/user-tokens.server";
import { accountPage } from "../i18n/packs";

/** The account the link resets, if it is still good; 410 Gone otherwise. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { t } = getI18n(context);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await findValidToken(db, token, "password_reset");
  if (!found) return data({ title: t("access.linkGoneTitle"), reset: null }, { status: 410 });
  return data({ title: t("access.resetTitle"), reset: { token, email: found.user.email } });
}

/**
 * Sets the new password and signs the user in here: they just proved they read the account's
 * mail, which is what a sign-in would ask next. Every other session ends, and the account's
 * address is told.
 */
export async function action({ context, request }: Route.ActionArgs) {
  const submission = parseSubmission(await request.formData(), tokenPasswordForm);
  if (submission.status !== "success") return refuseSubmission("reset", submission);
  const { clientAddress } = context.get(requestInfoContext);
  const session = await resetPassword(db, {
    token: submission.value.token,
    password: submission.value.password,
    previousToken: await readToken(request),
    meta: { ipAddress: clientAddress, userAgent: request.headers.get("user-agent") ?? undefined },
    mail: { origin: linkOrigin(request), fallbackLanguage: getLanguage(context) },
  });
  if (!session) return refuseSubmission("reset", submission, 410, { "": [{ key: "access.resetGoneText" }] });
  return redirectWithNotice("/dashboard", "access.passwordWasReset", {
    headers: { "Set-Cookie": await sessionCookie.serialize(session.token) },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

// The page holds a live token: no cache keeps it.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const reset = loaderData.reset;
  if (!reset) {
    return (
      <LinkGone text={t("access.resetGoneText")} action={{ to: "/forgot-password", label: t("access.askAgain") }} />
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("access.resetTitle")}</h1>
      <p>{t("access.resetIntro", { email: reset.email })}</p>
      <TokenPasswordForm
        token={reset.token}
        email={reset.email}
        result={actionData}
        submitLabel={t("access.resetSubmit")}
      />
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
