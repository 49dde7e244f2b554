import { useTranslation } from "../i18n/translation";
import { Form, useLocation } from "react-router";
import type { Route } from "./+types/admin.users";
import { roles } from "../lib/enums";
import { EnumField, Field } from "../components/form-field";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { newUserForm, userAccessForm, userPasswordForm } from "../forms/user";
import type { Language } from "../i18n/config";
import { localized, type LocalizedText } from "../lib/localized";
import { titled } from "../lib/meta";
import { offeredTimeZones } from "../lib/time-zones";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { RuleError } from "../models/errors.server";
import { organizationOptions } from "../models/organization.server";
import { setPassword } from "../models/user-passwords.server";
import { createUser, listUsers, updateUser } from "../models/user.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const [users, organizations] = await Promise.all([listUsers(db), organizationOptions(db)]);
  return { users, organizations, title: getI18n(context).t("users.title") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requireUser(context, request, "admin");
  const form = await request.formData();
  const actor = { userId: admin.id };
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
    },
    "create",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  const location = useLocation();
  const creating = !actionData || actionData.intent === "create";
  const createResult = creating ? actionData : undefined;
  const values = (createResult?.reply.initialValue ?? {}) as Record<string, string | undefined>;
  const fieldError = (name: string) => createResult?.reply.error?.[name]?.[0];
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
            {loaderData.users.map((u) => {
              const formId = `user-${u.id}`;
              return (
                <tr key={u.id}>
                  <th scope="row">{u.email}</th>
                  <td>{u.name}</td>
                  <td>{u.timeZone}</td>
                  <td>
                    <Form method="post" id={formId}>
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="id" value={u.id} />
                      <input type="hidden" name="version" value={u.version} />
                    </Form>
                    <label className="visually-hidden" htmlFor={`${formId}-organization`}>
                      {t("users.organization")} {u.email}
                    </label>
                    <select
                      id={`${formId}-organization`}
                      name="organizationId"
                      form={formId}
                      defaultValue={u.organizationId ?? ""}
                    >
                      <OrganizationChoices organizations={loaderData.organizations} lang={lang} />
                    </select>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`${formId}-role`}>
                      {t("form.role")} {u.email}
                    </label>
                    <select id={`${formId}-role`} name="role" form={formId} defaultValue={u.role}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label>
                      <input type="checkbox" name="disabled" form={formId} defaultChecked={!!u.disabledAt} />{" "}
                      {t("users.disabled")}
                    </label>
                    {u.disabledAt ? <div className="meta">{format.dateTime(u.disabledAt)}</div> : null}
                  </td>
                  <td>
                    <button type="submit" form={formId} className="button button--quiet">
                      {t("form.save")}
                      <span className="visually-hidden"> {u.email}</span>
                    </button>
                    {/* A new key after each navigation (a password set) closes and empties it. */}
                    <details className="set-password" key={location.key}>
                      <summary>
                        {t("users.newPassword")}
                        <span className="visually-hidden"> {u.email}</span>
                      </summary>
                      <Form method="post">
                        <input type="hidden" name="intent" value="setPassword" />
                        <input type="hidden" name="id" value={u.id} />
                        <input type="hidden" name="version" value={u.version} />
                        <label htmlFor={`${formId}-password`}>{t("users.newPasswordFor", { email: u.email })}</label>
                        <input
                          id={`${formId}-password`}
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="create-title" className="card">
        <h2 id="create-title">{t("users.create")}</h2>
        {/* A new key after each save (a new location) empties the form, as a full page load would. */}
        <Form method="post" className="form" key={location.key}>
          <input type="hidden" name="intent" value="create" />
          <Field id="new-email" name="email" label={t("form.email")} error={fieldError("email")}>
            {(a) => (
              <input {...a} type="email" required autoComplete="off" defaultValue={creating ? values.email : ""} />
            )}
          </Field>
          <Field id="new-name" name="name" label={t("users.name")} error={fieldError("name")}>
            {(a) => <input {...a} type="text" required defaultValue={creating ? values.name : ""} />}
          </Field>
          <EnumField
            id="new-role"
            name="role"
            label={t("form.role")}
            error={fieldError("role")}
            choices={roles}
            group="roles"
            value={(creating && values.role) || "viewer"}
          />
          <Field id="new-timeZone" name="timeZone" label={t("form.timeZone")} error={fieldError("timeZone")}>
            {(a) => (
              <select {...a} defaultValue={(creating && values.timeZone) || "Asia/Jakarta"}>
                {offeredTimeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="new-organizationId"
            name="organizationId"
            label={t("users.organization")}
            hint={t("users.organizationHint")}
            error={fieldError("organizationId")}
            optional
          >
            {(a) => (
              <select {...a} defaultValue={(creating && values.organizationId) || ""}>
                <OrganizationChoices organizations={loaderData.organizations} lang={lang} />
              </select>
            )}
          </Field>
          <Field
            id="new-password"
            name="password"
            label={t("users.password")}
            hint={t("users.passwordHint")}
            error={fieldError("password")}
          >
            {(a) => <input {...a} type="password" required minLength={12} autoComplete="new-password" />}
          </Field>
          <button type="submit" className="button">
            {t("users.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}

/** A user's organization: none, or one of the organizations, by name. */
function OrganizationChoices({
  organizations,
  lang,
}: {
  organizations: { id: number; name: LocalizedText; acronym: string | null }[];
  lang: Language;
}) {
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
