// The page an emailed link opens: a password chosen twice, or word that the link no longer works.
import { Form, Link } from "react-router";
import type { ActionResult } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { ErrorSummary } from "./form-errors";
import { Field } from "./form-field";

/**
 * A plain form, as on the sign-in page: for visitors the page carries no script (decision 3), and
 * the browser's own checks (12 characters at least) speak before the server's.
 */
export function TokenPasswordForm({
  token,
  email,
  result,
  submitLabel,
}: {
  token: string;
  /** The account's address, for password managers to file the new password under. */
  email: string;
  result?: ActionResult;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const errors = result?.reply.error ?? {};
  const error = (name: string) => errors[name]?.[0];
  return (
    <>
      <ErrorSummary formId="set-password" errors={errors} />
      <Form method="post" className="form" id="set-password">
        <input type="hidden" name="token" value={token} />
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field
          id="password"
          name="password"
          label={t("access.password")}
          hint={t("access.passwordHint")}
          error={error("password")}
        >
          {(a) => <input {...a} type="password" autoComplete="new-password" required minLength={12} maxLength={1024} />}
        </Field>
        <Field
          id="confirmPassword"
          name="confirmPassword"
          label={t("access.confirmPassword")}
          error={error("confirmPassword")}
        >
          {(a) => <input {...a} type="password" autoComplete="new-password" required maxLength={1024} />}
        </Field>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}

/** An expired, used or withdrawn link: what happened, and what to do instead. */
export function LinkGone({ text, action }: { text: string; action?: { to: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t("access.linkGoneTitle")}</h1>
      <p>{text}</p>
      <p>{action ? <Link to={action.to}>{action.label}</Link> : <Link to="/">{t("errors.backHome")}</Link>}</p>
    </div>
  );
}
