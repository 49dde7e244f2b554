import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.edit";
import { RecordConflict, RevisedNotice } from "../components/record-conflict";
import { useVisitConflictRows } from "../components/visit-conflict-rows";
import { VisitForm } from "../components/visit-form";
import { db } from "../db.server";
import { visitEditSchema } from "../forms/visit";
import { visitChange, visitConflictFields, visitFormValues } from "../forms/visit.server";
import { saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { describeConflict } from "../models/conflict.server";
import { visitAtVersions } from "../models/visit-conflict.server";
import { getVisitForEdit, visitFormOptions } from "../models/visit-queries.server";
import { updateVisit, type VisitSnapshot } from "../models/visit-writes.server";
import "../styles/activity.css";

export const handle = visitsPage;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [visit, options] = await Promise.all([getVisitForEdit(db, id), visitFormOptions(db)]);
  if (!visit) notFound();
  const name = localized(visit.title, getLanguage(context));
  return {
    id,
    name,
    options,
    values: {
      ...visitFormValues(visit.activity, visit.visit),
      version: String(visit.version),
      activityVersion: String(visit.activityVersion),
    },
    title: getI18n(context).t("visits.editTitle", { title: name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  let change: Awaited<ReturnType<typeof visitChange>> | undefined;
  return saveForm(await request.formData(), visitEditSchema, {
    save: async (value) => {
      // The stored texts count only while they are those of the version the form was made from.
      const stored = await getVisitForEdit(db, id);
      change = await visitChange(value, stored && stored.version === value.version ? stored.visit : null);
      return updateVisit(db, { userId: user.id }, id, value.version ?? 0, change);
    },
    done: () => redirectWithNotice(`/visits/${id}`, "visits.saved"),
    gone: "visits.notFoundAnyMore",
    conflict: async (value, current) => {
      const saved = current as VisitSnapshot;
      const { activity: activityChange, ...visit } = change!;
      const loaded = await visitAtVersions(
        db,
        id,
        { version: value.version ?? 0, activityVersion: value.activityVersion ?? 0 },
        saved,
      );
      return describeConflict(db, {
        entityType: "visit",
        entityId: id,
        version: value.version ?? 0,
        yours: visitFormValues({ ...saved.activity, ...activityChange }, visit),
        // The activity's version the editor now has seen goes back into the form with theirs.
        theirs: { ...visitFormValues(saved.activity, saved.visit), activityVersion: String(saved.activityVersion) },
        currentVersion: saved.version,
        fields: visitConflictFields,
        base: loaded && visitFormValues(loaded.activity, loaded.visit),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditVisit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, name, options } = loaderData;
  const rows = useVisitConflictRows(options);
  const conflict = actionData?.conflict;
  return (
    <div className="page">
      <p>
        <Link to={`/visits/${id}`}>← {t("visits.backToVisit")}</Link>
      </p>
      <h1>{t("visits.editTitle", { title: name })}</h1>
      {conflict ? (
        <RecordConflict
          conflict={conflict}
          rows={rows}
          submitted={{ ...actionData.reply.initialValue, activityVersion: conflict.theirs.activityVersion }}
          discardTo={`/visits/${id}/edit`}
          title={t("visits.conflictTitle")}
        />
      ) : (
        <VisitForm
          defaultValue={loaderData.values}
          result={actionData}
          options={options}
          editing
          submitLabel={t("visits.form.save")}
          cancelTo={`/visits/${id}`}
          notice={actionData?.revised ? <RevisedNotice /> : undefined}
        />
      )}
    </div>
  );
}
