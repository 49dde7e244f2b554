import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form, useLocation } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/admin.users";
import { roles } from "../lib/enums";
import { EnumField, Field, textOf } from "../components/form-field";
import { useRecordForm } from "../components/use-record-form";
import { TableScroll } from "../components/table-scroll";
import { DeliveryFlag, type SuppressionView } from "../components/delivery-flag";
import { Badge } from "../components/status-badge";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { resultFor, type ActionResult } from "../forms/result";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { newUserForm, userAccessForm, userPasswordForm } from "../forms/user";
import { liftSuppressionForm } from "../forms/mail-suppression";
import type { Language } from "../i18n/config";
import { localized, type LocalizedText } from "../lib/localized";
import { titled } from "../lib/meta";
import { offeredTimeZones } from "../lib/time-zones";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { RuleError } from "../models/errors.server";
import { organizationOptions } from "../models/organization.server";
import { setPassword } from "../models/user-passwords.server";
import { removeSuppression, suppressionsOf } from "../models/mail-suppressions.server";
import { createUser, listUsers, updateUser } from "../models/user.server";
import { InviteForm, PendingInvitations, invitationIntents } from "../components/invitations";
import { invitationForm, pendingInvitationForm } from "../forms/access";
import { listPendingInvitations } from "../models/invitation-list.server";
import { inviteUser, resendInvitation, revokeInvitation } from "../models/invitations.server";
import { linkOrigin } from "../models/user-tokens.server";
import { accountPage } from "../i18n/packs";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const [users, organizations, invitations] = await Promise.all([
    listUsers(db),
    organizationOptions(db),
    listPendingInvitations(db),
  ]);
  // Addresses that bounced or complained: flagged on their user's row, pending invitations included.
  const suppressions = await suppressionsOf(
    db,
    [...users, ...invitations].map((u) => u.email),
  );
  return { users, organizations, invitations, suppressions, title: getI18n(context).t("users.title") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requireUser(context, request, "admin");
  const form = await request.formData();
  const actor = { userId: admin.id };
  const inviter = { userId: admin.id, name: admin.name };
  return dispatchIntent(
    form,
    {
      create: () =>
        saveForm(form, newUserForm, {
          intent: "create",
          save: (value) => createUser(db, actor, value),
          done: () => redirectWithNotice("/admin/users", "users.created"),
        }),
      update: () =>
        saveForm(form, userAccessForm, {
          intent: "update",
          save: ({ id, version, role, organizationId, disabled }) => {
            if (id === admin.id && (disabled || role !== "admin"))
              throw new RuleError("form", "users.cannotDisableSelf");
            return updateUser(db, actor, {
              id,
              version,
              role,
              // A form without the field (an older page, a script) leaves the organization as it is.
              organizationId: form.has("organizationId") ? (organizationId ?? null) : undefined,
              disabled: !!disabled,
            });
          },
          done: () => redirectWithNotice("/admin/users", "users.updated"),
          stale: "users.conflict",
        }),
      setPassword: () =>
        saveForm(form, userPasswordForm, {
          intent: "setPassword",
          save: ({ id, version, password }) => {
            // Your own password needs your current one, on the account page.
            if (id === admin.id) throw new RuleError("form", "users.ownPassword");
            return setPassword(db, actor, { id, version, password });
          },
          done: () => redirectWithNotice("/admin/users", "users.passwordSet"),
          stale: "users.conflict",
        }),
      liftSuppression: () =>
        saveForm(form, liftSuppressionForm, {
          intent: "liftSuppression",
          save: ({ address, since }) => removeSuppression(db, actor, { address, since }),
          done: () => redirectWithNotice("/admin/users", "delivery.lifted"),
          gone: "delivery.alreadyLifted",
          stale: "delivery.changed",
        }),
      invite: () =>
        saveForm(form, invitationForm, {
          intent: "invite",
          save: (value) => inviteUser(db, inviter, value, linkOrigin(request)),
          done: () => redirectWithNotice("/admin/users", "access.invited"),
        }),
      resendInvitation: () =>
        saveForm(form, pendingInvitationForm, {
          intent: "resendInvitation",
          save: (value) => resendInvitation(db, inviter, value, linkOrigin(request)),
          done: () => redirectWithNotice("/admin/users", "access.resent"),
          gone: "access.notPending",
          stale: "users.conflict",
        }),
      revokeInvitation: () =>
        saveForm(form, pendingInvitationForm, {
          intent: "revokeInvitation",
          save: (value) => revokeInvitation(db, inviter, value),
          done: () => redirectWithNotice("/admin/users", "access.revoked"),
          gone: "access.notPending",
          stale: "users.conflict",
        }),
    },
    "create",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const lang = useLanguage();
  // The invitations' forms show their answers with them, below.
  const creating = !actionData || actionData.intent === "create" || invitationIntents.includes(actionData.intent);
  const createResult = resultFor(actionData, "create");
  // A row's fields are small and its details may be closed: its message goes above the table.
  const rowError = creating ? undefined : Object.values(actionData.reply.error ?? {}).find(Boolean)?.[0];
  return (
    <div className="page">
      <h1 id="users-title">{t("users.title")}</h1>
      {rowError ? (
        <div role="alert" className="alert">
          {t(rowError.key, rowError.values)}
        </div>
      ) : null}
      <TableScroll labelledBy="users-title">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("form.email")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("form.timeZone")}</th>
              <th scope="col">{t("users.organization")}</th>
              <th scope="col">{t("form.role")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("form.save")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((u) => (
              // A saved change (a new version) starts the row's forms afresh from what is stored.
              <UserRow
                key={`${u.id}-${u.version}`}
                user={u}
                organizations={loaderData.organizations}
                suppression={loaderData.suppressions[u.email]}
                result={rowOf(actionData, u.id)}
                formKey={location.key}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="create-title" className="card">
        <h2 id="create-title">{t("users.create")}</h2>
        {/* A new key after each save (a new location) empties the form, as a full page load would. */}
        <NewUserForm key={location.key} result={createResult} organizations={loaderData.organizations} />
      </section>

      <section aria-labelledby="invite-title" className="card">
        <h2 id="invite-title">{t("access.inviteTitle")}</h2>
        <InviteForm
          key={location.key}
          result={resultFor(actionData, "invite")}
          organizationOptions={<OrganizationChoices organizations={loaderData.organizations} lang={lang} />}
        />
      </section>
      <PendingInvitations
        invitations={loaderData.invitations}
        suppressions={loaderData.suppressions}
        result={resultFor(actionData, "resendInvitation", "revokeInvitation")}
      />
    </div>
  );
}

type Organizations = { id: number; name: LocalizedText; acronym: string | null }[];

/** The action's answer if it was about the user `id`'s row. */
function rowOf(result: ActionResult | undefined, id: number) {
  return result && result.intent !== "create" && result.reply.initialValue?.id === String(id) ? result : undefined;
}

/** A user's row: their access (role, organization, disabled), saved together, and a new password. */
function UserRow({
  user: u,
  organizations,
  suppression,
  result,
  formKey,
}: {
  user: Route.ComponentProps["loaderData"]["users"][number];
  organizations: Organizations;
  suppression?: SuppressionView;
  result?: ActionResult;
  formKey: string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<keyof z.input<typeof userAccessForm>>({
    id: `user-${u.id}`,
    result: result?.intent === "update" ? result : undefined,
    defaultValue: {
      role: u.role,
      organizationId: u.organizationId ? String(u.organizationId) : "",
      disabled: u.disabledAt ? "on" : undefined,
    },
    schema: userAccessForm,
  });
  return (
    <tr>
      <th scope="row">{u.email}</th>
      <td>{u.name}</td>
      <td>{u.timeZone}</td>
      <td>
        {/* The row's controls sit in its cells and belong to this form by its id. */}
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="id" value={u.id} />
          <input type="hidden" name="version" value={u.version} />
        </Form>
        <label className="visually-hidden" htmlFor={fields.organizationId.id}>
          {t("users.organization")} {u.email}
        </label>
        <select
          id={fields.organizationId.id}
          name="organizationId"
          form={form.id}
          defaultValue={textOf(fields.organizationId)}
        >
          <OrganizationChoices organizations={organizations} lang={lang} />
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={fields.role.id}>
          {t("form.role")} {u.email}
        </label>
        <select id={fields.role.id} name="role" form={form.id} defaultValue={textOf(fields.role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {/* Not yet signed in: the account waits for its invitation, listed under "Pending invitations". */}
        {u.invited ? (
          <>
            <Badge value="invited" label={t("users.invited")} />{" "}
          </>
        ) : null}
        <label>
          <input type="checkbox" name="disabled" form={form.id} defaultChecked={textOf(fields.disabled) === "on"} />{" "}
          {t("users.disabled")}
        </label>
        {u.disabledAt ? <div className="meta">{format.dateTime(u.disabledAt)}</div> : null}
        {suppression ? <DeliveryFlag email={u.email} suppression={suppression} /> : null}
      </td>
      <td>
        <button type="submit" form={form.id} className="button button--quiet">
          {t("form.save")}
          <span className="visually-hidden"> {u.email}</span>
        </button>
        {/* A new key after each navigation (a password set) closes and empties it. */}
        <PasswordDetails key={formKey} user={u} result={result?.intent === "setPassword" ? result : undefined} />
      </td>
    </tr>
  );
}

function PasswordDetails({
  user: u,
  result,
}: {
  user: { id: number; email: string; version: number };
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<keyof z.input<typeof userPasswordForm>>({
    id: `user-${u.id}-password`,
    result,
    schema: userPasswordForm,
  });
  return (
    <details className="set-password">
      <summary>
        {t("users.newPassword")}
        <span className="visually-hidden"> {u.email}</span>
      </summary>
      {/* The browser's own check (at least 12 characters) still speaks first: Conform's noValidate would silence it. */}
      <Form method="post" {...getFormProps(form)} noValidate={false}>
        <input type="hidden" name="intent" value="setPassword" />
        <input type="hidden" name="id" value={u.id} />
        <input type="hidden" name="version" value={u.version} />
        <label htmlFor={fields.password.id}>{t("users.newPasswordFor", { email: u.email })}</label>
        <input
          id={fields.password.id}
          name="password"
          type="password"
          required
          minLength={12}
          maxLength={1024}
          autoComplete="new-password"
        />
        <button type="submit" className="button button--quiet">
          {t("users.setPassword")}
        </button>
      </Form>
    </details>
  );
}

function NewUserForm({ result, organizations }: { result?: ActionResult; organizations: Organizations }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<keyof z.input<typeof newUserForm>>({
    id: "new",
    result,
    defaultValue: { role: "viewer", timeZone: "Asia/Jakarta", organizationId: "" },
    schema: newUserForm,
  });
  return (
    // The browser's own checks (a valid address, at least 12 characters) still speak first:
    // Conform's noValidate would silence them.
    <Form method="post" className="form" {...getFormProps(form)} noValidate={false}>
      <input type="hidden" name="intent" value="create" />
      <Field meta={fields.email} label={t("form.email")}>
        {(a) => <input {...a} type="email" required autoComplete="off" defaultValue={textOf(fields.email)} />}
      </Field>
      <Field meta={fields.name} label={t("users.name")}>
        {(a) => <input {...a} type="text" required defaultValue={textOf(fields.name)} />}
      </Field>
      <EnumField meta={fields.role} label={t("form.role")} choices={roles} group="roles" />
      <Field meta={fields.timeZone} label={t("form.timeZone")}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.timeZone)}>
            {offeredTimeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.organizationId} label={t("users.organization")} hint={t("users.organizationHint")} optional>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.organizationId)}>
            <OrganizationChoices organizations={organizations} lang={lang} />
          </select>
        )}
      </Field>
      <Field meta={fields.password} label={t("users.password")} hint={t("users.passwordHint")}>
        {(a) => <input {...a} type="password" required minLength={12} autoComplete="new-password" />}
      </Field>
      <button type="submit" className="button">
        {t("users.create")}
      </button>
    </Form>
  );
}

/** A user's organization: none, or one of the organizations, by name. */
function OrganizationChoices({ organizations, lang }: { organizations: Organizations; lang: Language }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("users.noOrganization")}</option>
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {localized(o.name, lang)}
          {o.acronym ? ` (${o.acronym})` : ""}
        </option>
      ))}
    </>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = accountPage;
