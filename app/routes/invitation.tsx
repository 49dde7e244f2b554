import { data } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { Route } from "./+types/invitation";
import { LinkGone, TokenPasswordForm } from "../components/token-password";
import { db } from "../db.server";
import { tokenPasswordForm } from "../forms/access";
import { refuseSubmission } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { getI18n } from "../i18n/i18n.server";
import { readToken, sessionCookie } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";
import { acceptInvitation } from "../models/token-passwords.server";
import { findValidToken } from "../models/user-tokens.server";
import { accountPage } from "../i18n/packs";

/** Who is invited, if the link is still good; 410 Gone otherwise. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { t } = getI18n(context);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await findValidToken(db, token, "invitation");
  if (!found) return data({ title: t("access.linkGoneTitle"), invitation: null }, { status: 410 });
  const { name, email, role } = found.user;
  return data({ title: t("access.acceptTitle"), invitation: { token, name, email, role, inviter: found.createdBy } });
}

export async function action({ context, request }: Route.ActionArgs) {
  const submission = parseSubmission(await request.formData(), tokenPasswordForm);
  if (submission.status !== "success") return refuseSubmission("accept", submission);
  const { clientAddress } = context.get(requestInfoContext);
  const session = await acceptInvitation(db, {
    token: submission.value.token,
    password: submission.value.password,
    previousToken: await readToken(request),
    meta: { ipAddress: clientAddress, userAgent: request.headers.get("user-agent") ?? undefined },
  });
  if (!session) return refuseSubmission("accept", submission, 410, { "": [{ key: "access.invitationGoneText" }] });
  return redirectWithNotice("/dashboard", "access.welcome", {
    headers: { "Set-Cookie": await sessionCookie.serialize(session.token) },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

// The page holds a live token: no cache keeps it.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const invitation = loaderData.invitation;
  if (!invitation) return <LinkGone text={t("access.invitationGoneText")} />;
  const values = { name: invitation.name, email: invitation.email, role: t(`roles.${invitation.role}`) };
  return (
    <div className="page page--narrow">
      <h1>{t("access.acceptTitle")}</h1>
      <p>
        {invitation.inviter
          ? t("access.acceptIntro", { ...values, inviter: invitation.inviter })
          : t("access.acceptIntroNoInviter", values)}
      </p>
      <TokenPasswordForm
        token={invitation.token}
        email={invitation.email}
        result={actionData}
        submitLabel={t("access.accept")}
      />
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
