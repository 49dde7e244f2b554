import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.follow-ups";
import { FollowUpForm, type FollowUpFormOptions } from "../components/follow-up-form";
import { fieldRows, RecordConflict, RevisedNotice } from "../components/record-conflict";
import { VisitFollowUps } from "../components/visit-follow-ups";
import { db } from "../db.server";
import { editFollowUpForm, followUpConflictFields, newFollowUpForm } from "../forms/follow-up";
import { followUpFormValues, followUpInput } from "../forms/follow-up.server";
import { resultFor } from "../forms/result";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { useTranslation } from "../i18n/translation";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { hasRole, requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { conflictWith } from "../models/conflict.server";
import type { FollowUpSnapshot } from "../models/follow-up.server";
import { followUpPageData, getFollowUpForEdit, visitFollowUps } from "../models/follow-up-queries.server";
import { createFollowUp, updateFollowUp } from "../models/follow-up-writes.server";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const today = calendarToday(viewerTimeZone(request, user));
  const canEdit = hasRole(user, "editor");
  const editParam = Number(new URL(request.url).searchParams.get("edit"));
  const [page, items, editing] = await Promise.all([
    followUpPageData(db, id),
    visitFollowUps(db, id, today),
    canEdit && Number.isSafeInteger(editParam) && editParam > 0 ? getFollowUpForEdit(db, id, editParam) : null,
  ]);
  if (!page) notFound();
  const visit = localized(page.visit.title, getLanguage(context));
  return {
    id,
    visit,
    items,
    canEdit,
    options: canEdit ? { owners: page.owners, commitments: page.commitments } : null,
    editing: editing ? followUpFormValues(editing) : null,
    title: getI18n(context).t("followUps.pageTitle", { visit }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const visitId = idParam(params);
  const form = await request.formData();
  const actor = { userId: user.id };
  const back = `/visits/${visitId}/follow-ups`;
  const update = () =>
    saveForm(form, editFollowUpForm, {
      intent: "update",
      save: (v) => updateFollowUp(db, actor, { ...followUpInput(v), id: v.followUpId, visitId, version: v.version }),
      done: () => redirectWithNotice(back, "followUps.saved.updated"),
      gone: "followUps.notFoundAnyMore",
      conflict: (value, current, typed) =>
        conflictWith(db, {
          entityType: "follow_up",
          entityId: value.followUpId,
          fields: followUpConflictFields,
          toValues: (row: FollowUpSnapshot) => followUpFormValues(row),
        })(value, current, typed),
    });
  return dispatchIntent(
    form,
    {
      create: () =>
        saveForm(form, newFollowUpForm, {
          intent: "create",
          save: (v) => createFollowUp(db, actor, { ...followUpInput(v), visitId }),
          done: () => redirectWithNotice(back, "followUps.saved.created"),
        }),
      update,
      // Back from the conflict view: the edit form again, with the version now saved.
      revise: update,
    },
    "create",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function VisitFollowUpsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id, items, canEdit, options } = loaderData;
  const back = `/visits/${id}/follow-ups`;
  const createResult = resultFor(actionData, "create");
  const updateResult = resultFor(actionData, "update");
  // The follow-up being edited: the one the address names, or the one whose save came back.
  const editedId = updateResult?.reply.initialValue?.followUpId ?? loaderData.editing?.followUpId;
  const edited = items.find((f) => String(f.id) === editedId);
  const describe = useDescribe(options);
  return (
    <div className="page">
      <p>
        <Link to={`/visits/${id}`}>← {t("followUps.backToVisit")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p>{t("followUps.intro")}</p>
      <VisitFollowUps visitId={id} items={items} canEdit={canEdit} editLinks />
      {canEdit && options && updateResult?.conflict ? (
        <section id="follow-up-form">
          <RecordConflict
            conflict={updateResult.conflict}
            rows={fieldRows(followUpConflictFields, describe.label, describe.value)}
            submitted={updateResult.reply.initialValue ?? {}}
            discardTo={edited ? `${back}?edit=${edited.id}#follow-up-form` : back}
            title={t("followUps.conflictTitle")}
          />
        </section>
      ) : canEdit && options && edited ? (
        <section id="follow-up-form" aria-labelledby="follow-up-form-title">
          <h2 id="follow-up-form-title">{t("followUps.editTitle", { title: localized(edited.title, lang) })}</h2>
          <FollowUpForm
            key={`edit-${edited.id}-${edited.version}`}
            options={options}
            defaultValue={loaderData.editing ?? { followUpId: String(edited.id) }}
            result={updateResult}
            cancelTo={back}
            notice={updateResult?.revised ? <RevisedNotice /> : undefined}
          />
        </section>
      ) : canEdit && options ? (
        <section id="follow-up-form" aria-labelledby="follow-up-form-title">
          <h2 id="follow-up-form-title">{t("followUps.addTitle")}</h2>
          {/* Once saved, the form starts empty again. */}
          <FollowUpForm key={`add-${items.length}`} options={options} result={createResult} />
        </section>
      ) : null}
    </div>
  );
}

/** How the conflict view names a field and shows its value, in the reader's language. */
function useDescribe(options: FollowUpFormOptions | null) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const labels: Record<string, string> = {
    titleEn: t("followUps.form.titleEn"),
    titleId: t("followUps.form.titleId"),
    titleAz: t("followUps.form.titleAz"),
    ownerId: t("followUps.form.owner"),
    dueOn: t("followUps.form.dueOn"),
    status: t("followUps.form.status"),
    commitmentIds: t("followUps.form.commitmentsLegend"),
  };
  return {
    label: (field: string) => labels[field] ?? field,
    value: (field: string, value: string | string[] | undefined) => {
      const list = value === undefined ? [] : [value].flat();
      const one = list[0] ?? "";
      switch (field) {
        case "ownerId":
          return options?.owners.find((o) => String(o.id) === one)?.name ?? one;
        case "dueOn":
          return /^\d{4}-\d{2}-\d{2}$/.test(one) ? format.day(one) : one;
        case "status":
          return one ? t(`followUps.statuses.${one}`, { defaultValue: one }) : "";
        case "commitmentIds":
          return list
            .map((v) => localized(options?.commitments.find((c) => String(c.id) === v)?.text, lang) || v)
            .sort()
            .join("; ");
        default:
          return one;
      }
    },
  };
}

// A visit's pages load the visits pack (i18n/packs.ts).
export const handle = visitsPage;
