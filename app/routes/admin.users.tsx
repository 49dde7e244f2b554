import { useTranslation } from "../i18n/translation";
import { data, Form, useLocation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.users";
import { roles } from "../lib/enums";
import { EnumField, Field } from "../components/form-field";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { idField, optionalId } from "../lib/form-schema";
import { blankAsMissing, parseForm, type FieldMessage, type FormErrors } from "../lib/forms";
import { isTimeZone } from "../lib/format";
import type { Language } from "../i18n/config";
import { localized, type LocalizedText } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { offeredTimeZones } from "../lib/time-zones";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { ConflictError, RuleError } from "../models/errors.server";
import { organizationOptions } from "../models/organization.server";
import { setPassword } from "../models/user-passwords.server";
import { createUser, DuplicateError, listUsers, updateUser } from "../models/user.server";

const createSchema = z.object({
  intent: z.literal("create"),
  email: z.preprocess(blankAsMissing, z.email().max(254)),
  name: z.preprocess(blankAsMissing, z.string().trim().min(2).max(120)),
  role: z.enum(roles),
  password: z.preprocess(blankAsMissing, z.string().min(12).max(1024)),
  timeZone: z.string().refine(isTimeZone, "validation.invalidChoice"),
  organizationId: optionalId,
});

const updateSchema = z.object({
  intent: z.literal("update"),
  id: idField,
  version: idField,
  role: z.enum(roles),
  organizationId: optionalId,
  disabled: z.enum(["on"]).optional(),
});

const passwordSchema = z.object({
  intent: z.literal("setPassword"),
  id: idField,
  version: idField,
  password: z.preprocess(blankAsMissing, z.string().min(12, "users.passwordTooShort").max(1024)),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const [users, organizations] = await Promise.all([listUsers(db), organizationOptions(db)]);
  return { users, organizations, title: getI18n(context).t("users.title") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requireUser(context, request, "admin");
  const form = await request.formData();
  const actor = { userId: admin.id };
  if (form.get("intent") === "update") {
    const parsed = parseForm(updateSchema, form);
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const { id, version, role, organizationId, disabled } = parsed.data;
    const values = { intent: "update" };
    if (id === admin.id && (disabled || role !== "admin")) {
      const errors: FormErrors = { form: { key: "users.cannotDisableSelf" } };
      return data({ errors, values }, { status: 400 });
    }
    try {
      const user = await updateUser(db, actor, {
        id,
        version,
        role,
        // A form without the field (an older page, a script) leaves the organization as it is.
        organizationId: form.has("organizationId") ? (organizationId ?? null) : undefined,
        disabled: !!disabled,
      });
      if (!user) notFound();
      return redirectWithNotice("/admin/users", "users.updated");
    } catch (error) {
      // The row's fields are small: the message goes above the table.
      if (error instanceof RuleError) {
        const errors: FormErrors = { form: { key: error.key, values: error.values } };
        return data({ errors, values }, { status: 400 });
      }
      if (!(error instanceof ConflictError)) throw error;
      const errors: FormErrors = { form: { key: "users.conflict" } };
      return data({ errors, values }, { status: 409 });
    }
  }
  if (form.get("intent") === "setPassword") {
    const parsed = parseForm(passwordSchema, form);
    const values = { intent: "setPassword" };
    // One message above the table: the row's field is small and its details may be closed.
    const refuse = (message: FieldMessage, status = 400) =>
      data({ errors: { form: message } as FormErrors, values }, { status });
    if (!parsed.success) return refuse(parsed.errors.password ?? { key: "validation.invalid" });
    const { id, version, password } = parsed.data;
    // Your own password needs your current one, on the account page.
    if (id === admin.id) return refuse({ key: "users.ownPassword" });
    try {
      const user = await setPassword(db, actor, { id, version, password });
      if (!user) notFound();
      return redirectWithNotice("/admin/users", "users.passwordSet");
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return refuse({ key: "users.conflict" }, 409);
    }
  }
  const parsed = parseForm(createSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await createUser(db, actor, parsed.data);
    return redirectWithNotice("/admin/users", "users.created");
  } catch (error) {
    if (!(error instanceof DuplicateError) && !(error instanceof RuleError)) throw error;
    const { password: _omit, ...values } = Object.fromEntries(form) as Record<string, string>;
    if (error instanceof RuleError) return data({ errors: error.errors, values }, { status: 400 });
    const errors: FormErrors = { email: { key: "users.emailTaken" } };
    return data({ errors, values }, { status: 409 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  const location = useLocation();
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const creating = values.intent !== "update" && values.intent !== "setPassword";
  const fieldError = (name: string) => (creating ? errors?.[name] : undefined);
  return (
    <div className="page">
      <h1 id="users-title">{t("users.title")}</h1>
      {errors?.form ? (
        <div role="alert" className="alert">
          {t(errors.form.key, errors.form.values)}
        </div>
      ) : null}
      <TableScroll labelledBy="users-title">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.timeZone")}</th>
              <th scope="col">{t("users.organization")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("users.save")}</span>
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
                      {t("users.role")} {u.email}
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
                      {t("users.save")}
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
          <Field id="new-email" name="email" label={t("users.email")} error={fieldError("email")}>
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
            label={t("users.role")}
            error={fieldError("role")}
            choices={roles}
            group="roles"
            value={(creating && values.role) || "viewer"}
          />
          <Field id="new-timeZone" name="timeZone" label={t("users.timeZone")} error={fieldError("timeZone")}>
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
