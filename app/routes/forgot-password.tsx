import { data, Form, Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { Route } from "./+types/forgot-password";
import { ErrorSummary } from "../components/form-errors";
import { Field } from "../components/form-field";
import { db } from "../db.server";
import { forgotPasswordForm } from "../forms/access";
import { refuseSubmission } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";
import { countResetRequest, requestPasswordReset } from "../models/password-reset.server";
import { linkOrigin } from "../models/user-tokens.server";
import { accountPage } from "../i18n/packs";

export function loader({ context }: Route.LoaderArgs) {
  return { title: getI18n(context).t("access.forgotTitle") };
}

/**
 * Answers the same whether or not the address has an account (the model sends a link only if it
 * does): only a malformed address or too many requests get another answer.
 */
export async function action({ context, request }: Route.ActionArgs) {
  const submission = parseSubmission(await request.formData(), forgotPasswordForm);
  if (submission.status !== "success") return refuseSubmission("forgot", submission);
  const { email } = submission.value;
  const { clientAddress } = context.get(requestInfoContext);
  const minutes = await countResetRequest(db, email, clientAddress);
  if (minutes) {
    return refuseSubmission(
      "forgot",
      submission,
      429,
      { "": [{ key: "access.rateLimited", values: { minutes } }] },
      { headers: { "Retry-After": String(minutes * 60) } },
    );
  }
  await requestPasswordReset(db, { email, origin: linkOrigin(request), language: getLanguage(context) });
  return data({ sent: email });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

// Lets the 429's Retry-After reach the client.
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  const result = actionData && "reply" in actionData ? actionData : undefined;
  const errors = result?.reply.error ?? {};
  const typed = result?.reply.initialValue?.email;
  return (
    <div className="page page--narrow">
      <h1>{t("access.forgotTitle")}</h1>
      {sent ? (
        <p role="status">{t("access.sent", { email: sent })}</p>
      ) : (
        <>
          <p>{t("access.forgotIntro")}</p>
          <ErrorSummary formId="forgot" errors={errors} />
          <Form method="post" className="form" id="forgot">
            <Field id="email" name="email" label={t("form.email")} error={errors.email?.[0]}>
              {(a) => (
                <input
                  {...a}
                  type="email"
                  autoComplete="username"
                  required
                  maxLength={254}
                  defaultValue={typeof typed === "string" ? typed : ""}
                />
              )}
            </Field>
            <button type="submit" className="button">
              {t("access.send")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("access.backToLogin")}</Link>
      </p>
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
