import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form, redirect, useLocation } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/account";
import { AccountFollowUps } from "../components/account-follow-ups";
import { ErrorSummary } from "../components/form-errors";
import { NoticePreferencesForm } from "../components/notice-preferences-form";
import { Field, textOf } from "../components/form-field";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { env } from "../env.server";
import { supportedLanguages } from "../i18n/config";
import { resultFor, type ActionResult } from "../forms/result";
import { dispatchIntent, refuseSubmission, saveForm } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { noticePreferencesForm } from "../forms/notice-preferences";
import { passwordChangeForm, preferencesForm } from "../forms/user";
import { getI18n, languageCookie } from "../i18n/i18n.server";
import { appSecret, requireUser, sessionCookie, startSession } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import type { FieldMessage } from "../lib/forms";
import { requestInfoContext } from "../lib/request-context";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { offeredTimeZones } from "../lib/time-zones";
import { deleteUserSessions } from "../models/session.server";
import { ConflictError } from "../models/errors.server";
import { clearRateLimit, hitRateLimit, passwordGuesses, releaseRateLimit } from "../models/rate-limit.server";
import { getNoticePreferences, updateNoticePreferences } from "../models/notice-preferences.server";
import { myFollowUps } from "../models/follow-up-owner.server";
import { viewerTimeZone } from "../lib/time-zone.server";
import { calendarToday } from "../lib/zoned-time";
import { getAccount, updatePreferences } from "../models/user-account.server";
import { calendarToken, resetCalendarKey } from "../models/user-calendar.server";
import { changePassword } from "../models/user-passwords.server";
import { accountPage } from "../i18n/packs";

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const [account, notices, followUps] = await Promise.all([
    getAccount(db, user.id),
    getNoticePreferences(db, user.id),
    myFollowUps(db, user.id, calendarToday(viewerTimeZone(request, user))),
  ]);
  if (!account || !notices) notFound();
  const origin = env.APP_URL ?? new URL(request.url).origin;
  const { calendarKey: _secret, ...visible } = account;
  return {
    account: visible,
    notices,
    // Requests from the library's visitors go to editors and admins only.
    handlesEnquiries: user.role !== "viewer",
    followUps,
    calendarUrl: `${origin}/activities.ics?token=${calendarToken(await appSecret(), account)}`,
    timeZones: offeredTimeZones.includes(account.timeZone) ? offeredTimeZones : [account.timeZone, ...offeredTimeZones],
    title: getI18n(context).t("account.title"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "viewer");
  const form = await request.formData();
  const actor = { userId: user.id };
  return dispatchIntent(
    form,
    {
      resetCalendar: async () => {
        await resetCalendarKey(db, actor, user.id);
        return redirectWithNotice("/account", "account.calendarWasReset");
      },
      changePassword: async () => {
        const submission = parseSubmission(form, passwordChangeForm);
        const refuse = (status: number, field: string, message: FieldMessage) =>
          refuseSubmission("changePassword", submission, status, { [field]: [message] });
        if (submission.status !== "success") return refuseSubmission("changePassword", submission);
        // Guessing the current password with a session left open counts like guessing at sign-in.
        const key = passwordGuesses.accountKey(user.email);
        const attempt = await hitRateLimit(db, key, passwordGuesses.windowMs);
        if (attempt.count > passwordGuesses.perAccount) {
          const minutes = Math.max(1, Math.ceil((attempt.resetAt.getTime() - Date.now()) / 60_000));
          return refuse(429, "currentPassword", { key: "account.passwordRateLimited", values: { minutes } });
        }
        const changed = await changePassword(db, actor, {
          userId: user.id,
          currentPassword: submission.value.currentPassword,
          newPassword: submission.value.newPassword,
        }).catch((error: unknown) => {
          if (error instanceof ConflictError) return "conflict" as const;
          throw error;
        });
        if (changed === "conflict") {
          // The password was right; the account changed meanwhile. That was no guess.
          await releaseRateLimit(db, key);
          return refuse(409, "", { key: "account.conflict" });
        }
        if (!changed) return refuse(400, "currentPassword", { key: "account.wrongPassword" });
        await clearRateLimit(db, key);
        const { clientAddress } = context.get(requestInfoContext);
        const cookie = await startSession(user.id, {
          ipAddress: clientAddress,
          userAgent: request.headers.get("user-agent") ?? undefined,
        });
        return redirectWithNotice("/account", "account.passwordChanged", { headers: { "Set-Cookie": cookie } });
      },
      signOutEverywhere: async () => {
        await deleteUserSessions(db, actor, user.id);
        return redirect("/login", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
      },
      preferences: () =>
        saveForm(form, preferencesForm, {
          intent: "preferences",
          save: async ({ version, timeZone, locale }) => {
            await updatePreferences(db, actor, { id: user.id, version, timeZone, locale });
            return { locale };
          },
          // The language choice takes effect the way the header switcher's does: through its cookie.
          done: async ({ locale }) => {
            const cookie = locale
              ? await languageCookie.serialize(locale)
              : await languageCookie.serialize("", { maxAge: 0 });
            return redirectWithNotice("/account", "account.saved", { headers: { "Set-Cookie": cookie } });
          },
          stale: "account.conflict",
        }),
      notices: () =>
        saveForm(form, noticePreferencesForm, {
          intent: "notices",
          save: ({ version, remindActivities, remindCommitments, remindFollowUps, weeklyDigest, notifyEnquiries }) =>
            updateNoticePreferences(db, actor, {
              id: user.id,
              version,
              remindActivities,
              remindCommitments,
              remindFollowUps,
              weeklyDigest,
              // A viewer's form does not offer it: whatever such a post says is not theirs to change.
              notifyEnquiries: user.role === "viewer" ? undefined : notifyEnquiries,
            }),
          done: () => redirectWithNotice("/account", "account.saved"),
          stale: "account.conflict",
        }),
    },
    "",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { account, calendarUrl } = loaderData;
  const own = actionData?.reply.error?.[""]?.[0];
  return (
    <div className="page page--narrow">
      <h1>{t("account.title")}</h1>
      <ErrorSummary formId="account" errors={{ "": own ? [own] : [] }} />
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("account.details")}</h2>
        <dl className="facts">
          <dt>{t("users.name")}</dt>
          <dd>{account.name}</dd>
          <dt>{t("form.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("form.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
        </dl>
      </section>

      <AccountFollowUps items={loaderData.followUps} />

      <section aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t("account.preferences")}</h2>
        <PreferencesForm
          key={location.key}
          account={account}
          timeZones={loaderData.timeZones}
          result={resultFor(actionData, "preferences")}
        />
      </section>

      <section aria-labelledby="notices-title" id="notices">
        <h2 id="notices-title">{t("notices.preferences.title")}</h2>
        <NoticePreferencesForm
          key={location.key}
          preferences={loaderData.notices}
          handlesEnquiries={loaderData.handlesEnquiries}
          version={loaderData.notices.version}
          result={resultFor(actionData, "notices")}
        />
      </section>

      <section aria-labelledby="calendar-title" id="calendar">
        <h2 id="calendar-title">{t("account.calendarTitle")}</h2>
        <p>{t("account.calendarText")}</p>
        <div className="field">
          <label htmlFor="calendar-url">{t("account.calendarAddress")}</label>
          <input id="calendar-url" type="text" readOnly value={calendarUrl} />
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="resetCalendar" />
          <button type="submit" className="button button--secondary" aria-describedby="reset-hint">
            {t("account.calendarReset")}
          </button>
          <p id="reset-hint" className="hint">
            {t("account.calendarResetHint")}
          </p>
        </Form>
      </section>

      <section aria-labelledby="password-title" id="password">
        <h2 id="password-title">{t("account.passwordTitle")}</h2>
        {/* A new key after each navigation (a change saved) empties the fields. */}
        <PasswordForm key={location.key} result={resultFor(actionData, "changePassword")} />
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("account.sessionsTitle")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="signOutEverywhere" />
          <button type="submit" className="button button--secondary">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}

function PreferencesForm({
  account,
  timeZones,
  result,
}: {
  account: { timeZone: string; locale: string | null; version: number };
  timeZones: readonly string[];
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<keyof z.input<typeof preferencesForm>>({
    id: "preferences",
    result,
    defaultValue: { timeZone: account.timeZone, locale: account.locale ?? "" },
    schema: preferencesForm,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="preferences" />
      <input type="hidden" name="version" value={account.version} />
      <Field meta={fields.timeZone} label={t("form.timeZone")} hint={t("account.timeZoneHint")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.timeZone)}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.locale} label={t("account.language")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.locale)}>
            <option value="">{t("account.languageAuto")}</option>
            {supportedLanguages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button">
        {t("account.save")}
      </button>
    </Form>
  );
}

function PasswordForm({ result }: { result?: ActionResult }) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<keyof z.input<typeof passwordChangeForm>>({
    id: "change-password",
    result,
    schema: passwordChangeForm,
  });
  return (
    // The browser's own checks (required, at least 12 characters) still speak first: Conform's
    // noValidate would silence them.
    <Form method="post" className="form" {...getFormProps(form)} noValidate={false}>
      <input type="hidden" name="intent" value="changePassword" />
      <Field meta={fields.currentPassword} label={t("account.currentPassword")}>
        {(a) => <input {...a} type="password" required maxLength={1024} autoComplete="current-password" />}
      </Field>
      <Field meta={fields.newPassword} label={t("account.newPassword")} hint={t("account.newPasswordHint")}>
        {(a) => <input {...a} type="password" required minLength={12} maxLength={1024} autoComplete="new-password" />}
      </Field>
      <Field meta={fields.confirmPassword} label={t("account.confirmPassword")}>
        {(a) => <input {...a} type="password" required minLength={12} maxLength={1024} autoComplete="new-password" />}
      </Field>
      <button type="submit" className="button">
        {t("account.changePassword")}
      </button>
    </Form>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
