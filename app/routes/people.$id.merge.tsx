import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { Form, Link } from "react-router";
import type { Route } from "./+types/people.$id.merge";
import { ErrorSummary } from "../components/form-errors";
import { Field, textOf } from "../components/form-field";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
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
import { personOptions } from "../models/organization.server";
import { getPersonForEdit } from "../models/people-queries.server";
import { mergePeople } from "../models/person-merge.server";
import "../styles/activity.css";

const mergeFormSchema = z.object({ version: idField, duplicateId: idField });

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [person, everyone] = await Promise.all([getPersonForEdit(db, id), personOptions(db)]);
  if (!person) notFound();
  return {
    id,
    name: person.name,
    version: String(person.version),
    candidates: everyone.filter((p) => p.id !== id),
    title: getI18n(context).t("people.merge.title", { name: person.name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), mergeFormSchema, {
    save: (value) =>
      mergePeople(
        db,
        { userId: user.id },
        { survivorId: id, duplicateId: value.duplicateId, survivorVersion: value.version },
      ),
    done: () => redirectWithNotice(`/people/${id}`, "people.merged"),
    gone: "people.notFoundAnyMore",
    stale: "people.merge.stale",
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function MergePerson({ loaderData, actionData }: Route.ComponentProps) {
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
        <Link to={`/people/${id}`}>← {t("people.backToPerson")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p>{t("people.merge.intro", { name })}</p>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="version" value={loaderData.version} />
        <Field meta={fields.duplicateId} label={t("people.merge.duplicate")}>
          {(a) => (
            <select {...a} required defaultValue={textOf(fields.duplicateId)}>
              <option value="">{t("people.merge.choose")}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.organization ? ` (${p.acronym ?? localized(p.organization, lang)})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("people.merge.submit")}
          </button>
          <Link to={`/people/${id}`} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export const handle = peoplePage;
