import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { Form, Link } from "react-router";
import type { Route } from "./+types/organizations.$id.merge";
import { ErrorSummary } from "../components/form-errors";
import { Field, textOf } from "../components/form-field";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { idField } from "../lib/form-schema";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useLanguage } from "../lib/use-formatter";
import { organizationOptions } from "../models/organization.server";
import { getOrganizationForEdit } from "../models/organization-queries.server";
import { mergeOrganizations } from "../models/organization-merge.server";
import "../styles/activity.css";

const mergeFormSchema = z.object({ version: idField, duplicateId: idField });

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [organization, all] = await Promise.all([getOrganizationForEdit(db, id), organizationOptions(db)]);
  if (!organization) notFound();
  const name = localized(organization.name, getLanguage(context));
  return {
    id,
    name,
    version: String(organization.version),
    candidates: all.filter((o) => o.id !== id),
    title: getI18n(context).t("organizations.merge.title", { name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), mergeFormSchema, {
    save: (value) =>
      mergeOrganizations(
        db,
        { userId: user.id },
        { survivorId: id, duplicateId: value.duplicateId, survivorVersion: value.version },
      ),
    done: () => redirectWithNotice(`/organizations/${id}`, "organizations.merged"),
    gone: "organizations.notFoundAnyMore",
    stale: "organizations.merge.stale",
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function MergeOrganization({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id, name, candidates } = loaderData;
  const [form, fields] = useRecordForm<"duplicateId" | "version">({
    id: "merge",
    result: actionData,
    defaultValue: { version: loaderData.version },
  });
  return (
    <div className="page">
      <p>
        <Link to={`/organizations/${id}`}>← {t("organizations.backToOrganization")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p>{t("organizations.merge.intro", { name })}</p>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="version" value={loaderData.version} />
        <Field meta={fields.duplicateId} label={t("organizations.merge.duplicate")}>
          {(a) => (
            <select {...a} required defaultValue={textOf(fields.duplicateId)}>
              <option value="">{t("organizations.merge.choose")}</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {localized(o.name, lang)}
                  {o.acronym ? ` (${o.acronym})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("organizations.merge.submit")}
          </button>
          <Link to={`/organizations/${id}`} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export const handle = peoplePage;
