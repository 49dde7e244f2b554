import { useTranslation } from "react-i18next";
import { data, Form, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.users";
import { roles } from "../../db/schema/users";
import { FieldError } from "../components/field-error";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { blankAsMissing, parseForm, type FormErrors } from "../lib/forms";
import { isTimeZone } from "../lib/format";
import { titled } from "../lib/meta";
import { useFormatter } from "../lib/use-formatter";
import { ConflictError, createUser, DuplicateError, listUsers, updateUser } from "../models/user.server";

const timeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Baku", "UTC"];

const createSchema = z.object({
  intent: z.literal("create"),
  email: z.preprocess(blankAsMissing, z.email().max(254)),
  name: z.preprocess(blankAsMissing, z.string().trim().min(2).max(120)),
  role: z.enum(roles),
  password: z.preprocess(blankAsMissing, z.string().min(12).max(1024)),
  timeZone: z.string().refine(isTimeZone, "validation.invalidChoice"),
});

const updateSchema = z.object({
  intent: z.literal("update"),
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  role: z.enum(roles),
  disabled: z.enum(["on"]).optional(),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  return { users: await listUsers(db), title: getI18n(context).t("users.title") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requireUser(context, request, "admin");
  const form = await request.formData();
  const actor = { userId: admin.id };
  if (form.get("intent") === "update") {
    const parsed = parseForm(updateSchema, form);
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const { id, version, role, disabled } = parsed.data;
    const values = { intent: "update" };
    if (id === admin.id && (disabled || role !== "admin")) {
      const errors: FormErrors = { form: { key: "users.cannotDisableSelf" } };
      return data({ errors, values }, { status: 400 });
    }
    try {
      const user = await updateUser(db, actor, { id, version, role, disabled: !!disabled });
      if (!user) throw new Response("Not found", { status: 404 });
      return redirect(`/admin/users?updated=${encodeURIComponent(user.email)}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const errors: FormErrors = { form: { key: "users.conflict" } };
      return data({ errors, values }, { status: 409 });
    }
  }
  const parsed = parseForm(createSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const user = await createUser(db, actor, parsed.data);
    return redirect(`/admin/users?created=${encodeURIComponent(user.email)}`);
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const { password: _omit, ...values } = Object.fromEntries(form) as Record<string, string>;
    const errors: FormErrors = { email: { key: "users.emailTaken" } };
    return data({ errors, values }, { status: 409 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const creating = values.intent !== "update";
  const created = params.get("created");
  const updated = params.get("updated");
  const fieldProps = (name: string) => ({
    id: `new-${name}`,
    name,
    "aria-invalid": creating && errors?.[name] ? true : undefined,
    "aria-describedby": creating && errors?.[name] ? `new-${name}-error` : undefined,
  });
  return (
    <div className="page">
      <h1>{t("users.title")}</h1>
      {created ? <p role="status" className="notice">{t("users.created", { email: created })}</p> : null}
      {updated ? <p role="status" className="notice">{t("users.updated", { email: updated })}</p> : null}
      {errors?.form ? <div role="alert" className="alert">{t(errors.form.key, errors.form.values)}</div> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.timeZone")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col"><span className="visually-hidden">{t("users.save")}</span></th>
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
                  <label className="visually-hidden" htmlFor={`${formId}-role`}>{t("users.role")} {u.email}</label>
                  <select id={`${formId}-role`} name="role" form={formId} defaultValue={u.role}>
                    {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
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
                    {t("users.save")}<span className="visually-hidden"> {u.email}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <section aria-labelledby="create-title" className="card">
        <h2 id="create-title">{t("users.create")}</h2>
        {/* A new key after each creation empties the form, as a full page load would. */}
        <Form method="post" className="form" key={created ?? "new"}>
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="new-email">{t("users.email")}</label>
            <input type="email" required autoComplete="off" defaultValue={creating ? values.email : ""} {...fieldProps("email")} />
            <FieldError id="new-email-error" error={creating ? errors?.email : undefined} />
          </div>
          <div className="field">
            <label htmlFor="new-name">{t("users.name")}</label>
            <input type="text" required defaultValue={creating ? values.name : ""} {...fieldProps("name")} />
            <FieldError id="new-name-error" error={creating ? errors?.name : undefined} />
          </div>
          <div className="field">
            <label htmlFor="new-role">{t("users.role")}</label>
            <select defaultValue={(creating && values.role) || "viewer"} {...fieldProps("role")}>
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
            <FieldError id="new-role-error" error={creating ? errors?.role : undefined} />
          </div>
          <div className="field">
            <label htmlFor="new-timeZone">{t("users.timeZone")}</label>
            <select defaultValue={(creating && values.timeZone) || "Asia/Jakarta"} {...fieldProps("timeZone")}>
              {timeZones.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-password">{t("users.password")}</label>
            <input
              type="password"
              required
              minLength={12}
              autoComplete="new-password"
              {...fieldProps("password")}
              aria-describedby={creating && errors?.password ? "new-password-hint new-password-error" : "new-password-hint"}
            />
            <p id="new-password-hint" className="hint">{t("users.passwordHint")}</p>
            <FieldError id="new-password-error" error={creating ? errors?.password : undefined} />
          </div>
          <button type="submit" className="button">{t("users.create")}</button>
        </Form>
      </section>
    </div>
  );
}
