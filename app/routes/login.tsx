import { useTranslation } from "../i18n/translation";
import { Form, Link, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { ErrorSummary } from "../components/form-errors";
import { Field } from "../components/form-field";
import { db } from "../db.server";
import { optionalUser, readToken, safeRedirect, sessionCookie } from "../lib/auth.server";
import { refuseSubmission } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { signInForm } from "../forms/user";
import type { FieldMessage } from "../lib/forms";
import { demoModeKey, getSetting } from "../seed/settings.server";
import { demoPassword } from "../seed/demo-accounts.server";
import { hitRateLimit, passwordGuesses } from "../models/rate-limit.server";
import { completeSignIn } from "../models/sign-in.server";
import { verifyLogin } from "../models/user-passwords.server";
import { getI18n } from "../i18n/i18n.server";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";
import { accountPage } from "../i18n/packs";

export async function loader({ context }: Route.LoaderArgs) {
  if (optionalUser(context)) throw redirect("/dashboard");
  return {
    title: getI18n(context).t("login.title"),
    demo: (await getSetting(db, demoModeKey)) === "true" ? demoPassword : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseSubmission(await request.formData(), signInForm);
  if (submission.status !== "success") return refuseSubmission("signIn", submission);
  const { email, password, redirectTo } = submission.value;
  const refuse = (status: number, message: FieldMessage, init?: ResponseInit) =>
    refuseSubmission("signIn", submission, status, { "": [message] }, init);
  // Settled before anything changes: the target is a path of this site, percent-encoded.
  const to = safeRedirect(redirectTo);

  const { clientAddress } = context.get(requestInfoContext);
  const { windowMs, perAccount, perAddress } = passwordGuesses;
  const accountKey = passwordGuesses.accountKey(email);
  const addressKey = passwordGuesses.addressKey(clientAddress);
  // Count the attempt before checking the password, so parallel guesses cannot all slip in.
  const [account, address] = await Promise.all([
    hitRateLimit(db, accountKey, windowMs),
    hitRateLimit(db, addressKey, windowMs),
  ]);
  const blocked = [account.count > perAccount && account, address.count > perAddress && address].filter(Boolean);
  if (blocked.length) {
    const until = Math.max(...blocked.map((b) => (b ? b.resetAt.getTime() : 0)));
    const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
    return refuse(
      429,
      { key: "login.rateLimited", values: { minutes } },
      { headers: { "Retry-After": String(minutes * 60) } },
    );
  }

  const user = await verifyLogin(db, email, password);
  if (!user) return refuse(401, { key: "login.invalid" });
  // Only failures should count: a successful sign-in takes its attempts back. A session this
  // browser still had (another account, another tab) ends with the new sign-in.
  const { token } = await completeSignIn(db, {
    user,
    password,
    previousToken: await readToken(request),
    rateLimit: { accountKey, addressKey },
    meta: { ipAddress: clientAddress, userAgent: request.headers.get("user-agent") ?? undefined },
  });
  return redirect(to, { headers: { "Set-Cookie": await sessionCookie.serialize(token) } });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

// Lets the 429's Retry-After reach the client.
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const error = (name: string) => actionData?.reply.error?.[name]?.[0];
  const formError = error("");
  const typedEmail = actionData?.reply.initialValue?.email;
  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      {/* The fields' own messages sit beside them; the alert is for the form's (a wrong password). */}
      <ErrorSummary formId="login" id="login-error" errors={{ "": formError ? [formError] : [] }} />
      <Form method="post" className="form" aria-describedby={formError ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field id="email" name="email" label={t("form.email")} error={error("email")}>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="username"
              required
              defaultValue={typeof typedEmail === "string" ? typedEmail : ""}
            />
          )}
        </Field>
        <Field id="password" name="password" label={t("login.password")} error={error("password")}>
          {(a) => <input {...a} type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("access.forgotLink")}</Link>
      </p>
      {loaderData.demo ? (
        <aside className="demo-note" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("login.demoTitle")}</h2>
          <p>{t("login.demoText", { password: loaderData.demo })}</p>
        </aside>
      ) : null}
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
