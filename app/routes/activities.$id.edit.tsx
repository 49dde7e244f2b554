import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/activities.$id.edit";
import { useActivityConflictRows } from "../components/activity-conflict-rows";
import { ActivityForm } from "../components/activity-form";
import { RecordConflict, RevisedNotice } from "../components/record-conflict";
import { db } from "../db.server";
import { activityFormSchema } from "../forms/activity";
import {
  activityConflictFields,
  activityFormValues,
  activityInput,
  auditedActivityFormValues,
} from "../forms/activity.server";
import { saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import type { ActivityInput, ActivitySnapshot } from "../models/activity.server";
import { activityFormOptions, getActivityForEdit, getActivityLessons } from "../models/activity-queries.server";
import { updateActivity, type AuditedActivity } from "../models/activity-writes.server";
import { describeConflict } from "../models/conflict.server";
import { activitiesPage } from "../i18n/packs";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const [activity, options] = await Promise.all([getActivityForEdit(db, id), activityFormOptions(db)]);
  if (!activity) notFound();
  const timeZone = viewerTimeZone(request, user);
  const name = localized(activity.title, getLanguage(context));
  return {
    id,
    values: { ...activityFormValues(activity.input, timeZone), version: String(activity.version) },
    name,
    options,
    timeZone,
    title: getI18n(context).t("activities.editTitle", { title: name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const timeZone = viewerTimeZone(request, user);
  // What was saved is compared with what is stored now if the save comes too late.
  let input: ActivityInput | undefined;
  return saveForm(await request.formData(), activityFormSchema, {
    save: async (value) => {
      // The stored lessons are read only when a browser without JavaScript sent their text back unchanged.
      input = await activityInput(value, timeZone, () => getActivityLessons(db, id));
      // A form without a version cannot say what it was based on: treat it as stale.
      return updateActivity(db, { userId: user.id }, { ...input, id, version: value.version ?? 0 });
    },
    done: () => redirectWithNotice(`/activities/${id}`, "activities.saved"),
    gone: "activities.notFoundAnyMore",
    conflict: (value, current) => {
      const saved = current as ActivitySnapshot;
      return describeConflict(db, {
        entityType: "activity",
        entityId: id,
        version: value.version ?? 0,
        yours: activityFormValues(input!, timeZone),
        theirs: activityFormValues(saved, timeZone),
        currentVersion: saved.version,
        fields: activityConflictFields,
        baseValues: (state: AuditedActivity) => auditedActivityFormValues(state, timeZone),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = activitiesPage;

export default function EditActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, name, options, timeZone } = loaderData;
  const rows = useActivityConflictRows(options);
  return (
    <div className="page">
      <p>
        <Link to={`/activities/${id}`}>← {t("activities.backToActivity")}</Link>
      </p>
      <h1>{t("activities.editTitle", { title: name })}</h1>
      {actionData?.conflict ? (
        <RecordConflict
          conflict={actionData.conflict}
          rows={rows}
          submitted={actionData.reply.initialValue ?? {}}
          discardTo={`/activities/${id}/edit`}
          title={t("activities.conflict.title")}
        />
      ) : (
        <ActivityForm
          defaultValue={loaderData.values}
          result={actionData}
          options={options}
          timeZone={timeZone}
          submitLabel={t("activities.form.save")}
          cancelTo={`/activities/${id}`}
          notice={actionData?.revised ? <RevisedNotice /> : undefined}
        />
      )}
    </div>
  );
}
