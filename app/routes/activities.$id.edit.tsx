import { useTranslation } from "../i18n/translation";
import { data, Link } from "react-router";
import type { Route } from "./+types/activities.$id.edit";
import { ActivityConflict, type ActivityConflictData } from "../components/activity-conflict";
import { ActivityForm } from "../components/activity-form";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { typedValues, valueOf, type FormErrors } from "../lib/forms";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import { formValuesOf, readActivityForm, type ActivityFormValues } from "../models/activity-form.server";
import {
  activityFormOptions,
  activityHistory,
  getActivityForEdit,
  getActivityLessons,
  InvalidReferenceError,
  updateActivity,
  type ActivitySnapshot,
} from "../models/activity.server";
import { ConflictError } from "../models/errors.server";
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
    version: activity.version,
    values: formValuesOf(activity.input, timeZone),
    name,
    options,
    timeZone,
    title: getI18n(context).t("activities.editTitle", { title: name }),
  };
}

interface EditResult {
  values: ActivityFormValues;
  errors: FormErrors | null;
  conflict: ActivityConflictData | null;
  /** True when the editor took their changes back to the form after a conflict. */
  revised: boolean;
}

const answer = (result: Partial<EditResult> & { values: ActivityFormValues }, status: number) =>
  data<EditResult>({ errors: null, conflict: null, revised: false, ...result }, { status });

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const timeZone = viewerTimeZone(request, user);
  const form = await request.formData();

  if (form.get("intent") === "revise") {
    // Back from the conflict view: the typed values, with the version the editor has now seen.
    return answer({ values: typedValues(form), revised: true }, 200);
  }

  // Read only when a browser without JavaScript sent the lessons' text back unchanged.
  const result = await readActivityForm(form, timeZone, () => getActivityLessons(db, id));
  if (!result.success) return answer({ errors: result.errors, values: result.values }, 400);
  try {
    // A form without a version cannot say what it was based on: treat it as stale.
    const saved = await updateActivity(db, { userId: user.id }, id, result.version ?? 0, result.input);
    // Deleted while it was being edited: say so, and keep what was typed on screen.
    if (!saved) return answer({ errors: { form: { key: "activities.notFoundAnyMore" } }, values: result.values }, 404);
    return redirectWithNotice(`/activities/${id}`, "activities.saved");
  } catch (error) {
    if (error instanceof InvalidReferenceError) return answer({ errors: error.errors, values: result.values }, 400);
    if (!(error instanceof ConflictError)) throw error;
    const current = error.current as ActivitySnapshot;
    const [last] = await activityHistory(db, id, 1);
    const conflict: ActivityConflictData = {
      yours: { ...formValuesOf(result.input, timeZone) },
      theirs: formValuesOf(current, timeZone),
      version: current.version,
      savedBy: last ? { name: last.actorName, label: last.actorLabel, at: last.at } : null,
    };
    return answer({ values: result.values, conflict }, 409);
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, name, options, timeZone } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const version = Number(valueOf(values, "version")) || loaderData.version;
  return (
    <div className="page">
      <p>
        <Link to={`/activities/${id}`}>← {t("activities.backToActivity")}</Link>
      </p>
      <h1>{t("activities.editTitle", { title: name })}</h1>
      {actionData?.conflict ? (
        <ActivityConflict activityId={id} conflict={actionData.conflict} submitted={values} options={options} />
      ) : (
        <ActivityForm
          values={values}
          errors={actionData?.errors ?? undefined}
          options={options}
          timeZone={timeZone}
          version={version}
          submitLabel={t("activities.form.save")}
          cancelTo={`/activities/${id}`}
          notice={
            actionData?.revised ? (
              <p role="status" className="notice">
                {t("activities.conflict.revised")}
              </p>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
