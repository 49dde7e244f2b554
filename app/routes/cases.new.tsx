import { Link } from "react-router";
import type { Route } from "./+types/cases.new";
import { CaseForm } from "../components/case-form";
import { db } from "../db.server";
import { caseFormSchema } from "../forms/case";
import { caseInputFromForm } from "../forms/case.server";
import type { FormValues } from "../forms/result";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { caseFormOptions } from "../models/case-queries.server";
import { createCase } from "../models/case-writes.server";
import "../styles/activity.css";
import { casesPage } from "../i18n/packs";

const defaults: FormValues = {
  sector: "public_service_delivery",
  countryCode: "ID",
  lessonsEnFormat: "text",
  lessonsIdFormat: "text",
  narrativeEnFormat: "text",
  narrativeIdFormat: "text",
};

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await caseFormOptions(db), title: getI18n(context).t("caseEditor.newTitle") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), caseFormSchema, {
    save: async (value) => createCase(db, { userId: user.id }, await caseInputFromForm(value)),
    done: (saved) => redirectWithNotice(`/cases/${saved.id}`, "caseEditor.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewCase({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/cases">← {t("caseEditor.back")}</Link>
      </p>
      <h1>{t("caseEditor.newTitle")}</h1>
      <CaseForm
        defaultValue={defaults}
        result={actionData}
        options={loaderData.options}
        submitLabel={t("caseEditor.create")}
        cancelTo="/cases"
      />
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = casesPage;
