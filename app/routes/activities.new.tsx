import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/activities.new";
import { ActivityForm } from "../components/activity-form";
import { db } from "../db.server";
import { activityFormSchema } from "../forms/activity";
import { activityInput } from "../forms/activity.server";
import type { FormValues } from "../forms/result";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { activityFormOptions } from "../models/activity-queries.server";
import { createActivity } from "../models/activity-writes.server";
import { activitiesPage } from "../i18n/packs";
import "../styles/activity.css";

const defaults: FormValues = { type: "meeting", status: "planned", mode: "in_person", lessonsFormat: "text" };

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "editor");
  return {
    options: await activityFormOptions(db),
    timeZone: viewerTimeZone(request, user),
    title: getI18n(context).t("activities.newTitle"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const timeZone = viewerTimeZone(request, user);
  return saveForm(await request.formData(), activityFormSchema, {
    save: async (value) => createActivity(db, { userId: user.id }, await activityInput(value, timeZone)),
    done: (activity) => redirectWithNotice(`/activities/${activity.id}`, "activities.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = activitiesPage;

export default function NewActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/activities">← {t("activities.back")}</Link>
      </p>
      <h1>{t("activities.newTitle")}</h1>
      <ActivityForm
        defaultValue={defaults}
        result={actionData}
        options={loaderData.options}
        timeZone={loaderData.timeZone}
        submitLabel={t("activities.form.create")}
        cancelTo="/activities"
      />
    </div>
  );
}
