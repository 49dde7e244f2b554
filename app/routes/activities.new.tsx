import { useTranslation } from "../i18n/translation";
import { data, Link } from "react-router";
import type { Route } from "./+types/activities.new";
import { ActivityForm } from "../components/activity-form";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { readActivityForm, type ActivityFormValues } from "../models/activity-form.server";
import { activityFormOptions, createActivity, InvalidReferenceError } from "../models/activity.server";
import "../styles/activity.css";

const defaults: ActivityFormValues = { type: "meeting", status: "planned", mode: "in_person", lessonsFormat: "text" };

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
  const result = await readActivityForm(await request.formData(), viewerTimeZone(request, user));
  if (!result.success) return data({ errors: result.errors, values: result.values }, { status: 400 });
  try {
    const activity = await createActivity(db, { userId: user.id }, result.input);
    return redirectWithNotice(`/activities/${activity.id}`, "activities.created");
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    return data({ errors: error.errors, values: result.values }, { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/activities">← {t("activities.back")}</Link>
      </p>
      <h1>{t("activities.newTitle")}</h1>
      <ActivityForm
        values={actionData?.values ?? defaults}
        errors={actionData?.errors}
        options={loaderData.options}
        timeZone={loaderData.timeZone}
        submitLabel={t("activities.form.create")}
        cancelTo="/activities"
      />
    </div>
  );
}
