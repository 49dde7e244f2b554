import { Link } from "react-router";
import type { Route } from "./+types/visits.new";
import { VisitForm } from "../components/visit-form";
import { db } from "../db.server";
import { newVisitSchema } from "../forms/visit";
import { newVisitInput } from "../forms/visit.server";
import type { FormValues } from "../forms/result";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { visitFormOptions } from "../models/visit-queries.server";
import { createVisit } from "../models/visit-writes.server";
import "../styles/activity.css";

export const handle = visitsPage;

const defaults: FormValues = { direction: "incoming", timeZone: "Asia/Baku" };

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await visitFormOptions(db), title: getI18n(context).t("visits.newTitle") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), newVisitSchema, {
    save: (value) => createVisit(db, { userId: user.id }, newVisitInput(value)),
    done: ({ activity }) => redirectWithNotice(`/visits/${activity.id}`, "visits.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewVisit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/visits">← {t("visits.back")}</Link>
      </p>
      <h1>{t("visits.newTitle")}</h1>
      <VisitForm
        defaultValue={defaults}
        result={actionData}
        options={loaderData.options}
        editing={false}
        submitLabel={t("visits.form.create")}
        cancelTo="/visits"
      />
    </div>
  );
}
