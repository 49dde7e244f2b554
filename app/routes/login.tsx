import { useTranslation } from "../i18n/translation";
import { data, Form, redirect, useNavigation, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { Field } from "../components/form-field";
import { db } from "../db.server";
import { optionalUser, readToken, safeRedirect, sessionCookie } from "../lib/auth.server";
import { blankAsMissing, parseForm, type FormErrors } from "../lib/forms";
import { demoModeKey, getSetting } from "../seed/settings.server";
import { demoPassword } from "../seed/demo-accounts.server";
import { hitRateLimit, passwordGuesses } from "../models/rate-limit.server";
import { completeSignIn } from "../models/sign-in.server";
import { verifyLogin } from "../models/user-passwords.server";
import { getI18n } from "../i18n/i18n.server";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";

const schema = z.object({
  email: z.preprocess(blankAsMissing, z.string().trim().max(254)),
  password: z.preprocess(blankAsMissing, z.string().max(1024)),
  redirectTo: z.string().optional(),
});

export async function loader({ context }: Route.LoaderArgs) {
  if (optionalUser(context)) throw redirect("/dashboard");
  return {
    title: getI18n(context).t("login.title"),
    demo: (await getSetting(db, demoModeKey)) === "true" ? demoPassword : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(schema, await request.formData());
  if (!form.success) return data({ errors: form.errors, email: String(form.values.email ?? "") }, { status: 400 });
  const { email, password, redirectTo } = form.data;
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
    const errors: FormErrors = { form: { key: "login.rateLimited", values: { minutes } } };
    return data({ errors, email }, { status: 429, headers: { "Retry-After": String(minutes * 60) } });
  }

  const user = await verifyLogin(db, email, password);
  if (!user) {
    const errors: FormErrors = { form: { key: "login.invalid" } };
    return data({ errors, email }, { status: 401 });
  }
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
  const errors = actionData?.errors;
  const formError = errors?.form;
  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      {formError ? (
        <div role="alert" className="alert" id="login-error">
          {t(formError.key, formError.values)}
        </div>
      ) : null}
      <Form method="post" className="form" aria-describedby={formError ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field id="email" name="email" label={t("login.email")} error={errors?.email}>
          {(a) => <input {...a} type="email" autoComplete="username" required defaultValue={actionData?.email ?? ""} />}
        </Field>
        <Field id="password" name="password" label={t("login.password")} error={errors?.password}>
          {(a) => <input {...a} type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      {loaderData.demo ? (
        <aside className="demo-note" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("login.demoTitle")}</h2>
          <p>{t("login.demoText", { password: loaderData.demo })}</p>
        </aside>
      ) : null}
    </div>
  );
}
