import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.itinerary";
import { ItineraryDays } from "../components/itinerary-days";
import { ItineraryForm, useItineraryConflictRows } from "../components/itinerary-form";
import { ConflictOrForm } from "../components/record-conflict";
import { db } from "../db.server";
import { addItemIntent, itineraryFormSchema, removeItemIntent } from "../forms/itinerary";
import {
  itineraryByDay,
  itineraryFormValues,
  itineraryInput,
  onFormRows,
  withRowAdded,
  withRowRemoved,
} from "../forms/itinerary.server";
import { answer, intentOf, saveForm, saveIntent } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { offeredTimeZones } from "../lib/time-zones";
import { describeConflict } from "../models/conflict.server";
import { RecordError } from "../models/errors.server";
import { itineraryForEdit, itineraryFormOptions, itineraryOf } from "../models/itinerary-queries.server";
import type { ItineraryState } from "../models/itinerary-state.server";
import { saveItinerary, type ItineraryItemInput } from "../models/itinerary-writes.server";
import { loadVisit } from "../models/visit-queries.server";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const canEdit = hasRole(user, "editor");
  const [visit, itinerary] = await Promise.all([loadVisit(db, id), itineraryOf(db, id)]);
  if (!visit || !itinerary) notFound();
  const title = getI18n(context).t("itinerary.pageTitle", {
    title: localized(visit.activity.title, getLanguage(context)),
  });
  if (!canEdit) return { id, title, itinerary, edit: null };
  const [stored, options] = await Promise.all([itineraryForEdit(db, id), itineraryFormOptions(db, id)]);
  if (!stored) notFound();
  // Suggested only: any zone the runtime knows is accepted (the schema checks it).
  const commonZones = [...new Set([stored.timeZone, ...offeredTimeZones])];
  return {
    id,
    title,
    itinerary,
    edit: {
      timeZone: stored.timeZone,
      values: itineraryFormValues(stored.state),
      options: { ...options, commonZones },
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const lang = getLanguage(context);
  const form = await request.formData();
  const intent = intentOf(form);
  // An item added or removed without JavaScript: the form comes back with it, nothing saved.
  if (intent === addItemIntent || intent.startsWith(removeItemIntent)) {
    const stored = await itineraryForEdit(db, id);
    if (!stored) notFound();
    const typed = parseSubmission(form, itineraryFormSchema).payload as Record<string, unknown>;
    const values =
      intent === addItemIntent
        ? withRowAdded(typed, stored.timeZone)
        : withRowRemoved(typed, intent.slice(removeItemIntent.length));
    return answer(200, { intent: saveIntent, reply: { initialValue: values as Record<string, string | string[]> } });
  }
  let items: ItineraryItemInput[] = [];
  return saveForm(form, itineraryFormSchema, {
    save: async (value) => {
      const input = itineraryInput(value);
      items = input.items;
      try {
        // A form without a version cannot say what it was based on: treat it as stale.
        return await saveItinerary(db, { userId: user.id }, { visitId: id, version: value.version ?? 0, items });
      } catch (error) {
        // The model names an item by its place among the items; the form, by its row.
        throw error instanceof RecordError ? onFormRows(error, input.rows) : error;
      }
    },
    done: () => redirectWithNotice(`/visits/${id}/itinerary`, "itinerary.saved"),
    gone: "itinerary.notFoundAnyMore",
    conflict: (value, current) => {
      const saved = current as ItineraryState;
      const yours = itineraryByDay(items, lang);
      const theirs = itineraryByDay(saved.items, lang);
      return describeConflict(db, {
        entityType: "itinerary",
        entityId: id,
        version: value.version ?? 0,
        yours,
        theirs,
        currentVersion: saved.version,
        fields: [...new Set([...Object.keys(yours), ...Object.keys(theirs)])],
        baseValues: (state: ItineraryState) => itineraryByDay(state.items, lang),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function ItineraryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, edit, itinerary } = loaderData;
  const conflictRows = useItineraryConflictRows();
  return (
    <div className="page">
      <p>
        <Link to={`/visits/${id}`}>← {t("itinerary.backToVisit")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <ItineraryDays itinerary={itinerary} canAttach={!!edit} />
      {edit ? (
        <section aria-labelledby="itinerary-edit-title" className="itinerary-edit">
          <h2 id="itinerary-edit-title">{t("itinerary.edit.heading")}</h2>
          <ConflictOrForm
            result={actionData}
            rows={conflictRows}
            discardTo={`/visits/${id}/itinerary`}
            title={t("itinerary.conflictTitle")}
            form={(notice) => (
              <ItineraryForm
                // Saved, the page reloads with the next version: the form starts afresh from it.
                key={String(edit.values.version)}
                defaultValue={edit.values}
                result={actionData}
                options={edit.options}
                timeZone={edit.timeZone}
                cancelTo={`/visits/${id}`}
                notice={notice}
              />
            )}
          />
        </section>
      ) : null}
    </div>
  );
}

export const handle = visitsPage;
