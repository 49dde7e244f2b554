import { Form, Link } from "react-router";
import type { Route } from "./+types/cases.$id.links";
import { CaseLinkForm, sourceLabel } from "../components/case-link-form";
import { ErrorSummary } from "../components/form-errors";
import { fieldRows, RecordConflict, RevisedNotice } from "../components/record-conflict";
import { db } from "../db.server";
import { deleteCaseLinkForm, editCaseLinkForm, newCaseLinkForm } from "../forms/case-link";
import { caseLinkFormValues, caseLinkInput } from "../forms/case-link.server";
import { resultFor } from "../forms/result";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { useTranslation } from "../i18n/translation";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useLanguage } from "../lib/use-formatter";
import { conflictWith } from "../models/conflict.server";
import { caseLinkFormOptions, caseLinksOf, getLinkedCase } from "../models/case-links-staff.server";
import { caseLinkEntity, createCaseLink, deleteCaseLink, updateCaseLink } from "../models/case-links-writes.server";
import "../styles/case-links.css";
import { libraryPage } from "../i18n/packs";

const comparedFields = [
  "direction",
  "otherCaseId",
  "placeEn",
  "placeId",
  "countryCode",
  "latitude",
  "longitude",
  "year",
  "status",
  "noteEn",
  "noteId",
  "sourceId",
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const found = await getLinkedCase(db, id);
  if (!found) notFound();
  const canEdit = hasRole(user, "editor");
  const editParam = Number(new URL(request.url).searchParams.get("edit"));
  const [links, choices] = await Promise.all([caseLinksOf(db, id), canEdit ? caseLinkFormOptions(db, id) : null]);
  const editing = canEdit ? links.find((l) => l.link.id === editParam) : undefined;
  return {
    id,
    links,
    choices,
    canEdit,
    editing: editing ? caseLinkFormValues(id, editing.link) : null,
    title: getI18n(context).t("replication.links.title", { title: localized(found.title, getLanguage(context)) }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  if (!(await getLinkedCase(db, id))) notFound();
  const form = await request.formData();
  const actor = { userId: user.id };
  const back = `/cases/${id}/links`;
  const edit = () =>
    saveForm(form, editCaseLinkForm, {
      intent: "edit",
      save: (v) => updateCaseLink(db, actor, { ...caseLinkInput(id, v), id: v.linkId, version: v.version }),
      done: () => redirectWithNotice(back, "replication.saved.updated"),
      gone: "replication.links.gone",
      conflict: (value, current, typed) =>
        conflictWith(db, {
          entityType: caseLinkEntity,
          entityId: value.linkId,
          fields: comparedFields,
          toValues: (row: Parameters<typeof caseLinkFormValues>[1]) => caseLinkFormValues(id, row),
        })(value, current, typed),
    });
  return dispatchIntent(
    form,
    {
      add: () =>
        saveForm(form, newCaseLinkForm, {
          intent: "add",
          save: (v) => createCaseLink(db, actor, caseLinkInput(id, v)),
          done: () => redirectWithNotice(back, "replication.saved.added"),
        }),
      edit,
      // Back from the conflict view: the edit form again, with the version now saved.
      revise: edit,
      delete: () =>
        saveForm(form, deleteCaseLinkForm, {
          intent: "delete",
          save: async (v) => ((await deleteCaseLink(db, actor, { id: v.linkId, version: v.version })) ? v : null),
          done: () => redirectWithNotice(back, "replication.saved.deleted"),
          gone: "replication.links.gone",
          stale: "replication.links.deleteConflict",
        }),
    },
    "",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function CaseLinks({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id, links, choices, canEdit } = loaderData;
  const back = `/cases/${id}/links`;
  const addResult = resultFor(actionData, "add");
  const editResult = resultFor(actionData, "edit");
  const deleteResult = resultFor(actionData, "delete");
  // The link being edited: the one the address names, or the one whose save came back refused.
  const editedId = editResult?.reply.initialValue?.linkId ?? loaderData.editing?.linkId;
  const edited = links.find((l) => String(l.link.id) === editedId);
  const otherOf = (l: (typeof links)[number]) => (l.link.toCaseId === id ? l.from : l.to);
  const describe = useDescribe(choices);
  return (
    <div className="page">
      <p>
        <Link to={`/cases/${id}`}>← {t("replication.links.back")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p>{t("replication.links.intro")}</p>
      {canEdit ? null : <p className="muted">{t("replication.links.readOnly")}</p>}
      {deleteResult ? <ErrorSummary formId="case-link-delete" errors={deleteResult.reply.error ?? {}} /> : null}
      {links.length ? (
        <ul className="plain case-links">
          {links.map((l) => {
            const other = otherOf(l);
            const otherTitle = localized(other.title, lang);
            const relation = l.link.toCaseId === id ? "inspiredBy" : "adaptedAs";
            return (
              <li key={l.link.id} className="case-links__item">
                <p>
                  <strong>{t(`replication.relation.${relation}`)}</strong> {otherTitle}
                  {other.status === "published" ? null : (
                    <span className="muted"> ({t("replication.links.draft")})</span>
                  )}
                </p>
                <p>
                  {[
                    localized(l.link.place, lang),
                    localized(l.countryName, lang),
                    l.link.year,
                    t(`caseLinkStatus.${l.link.status}`),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {l.source?.publisher ? (
                  <p className="muted">
                    {t("replication.links.source")}: {sourceLabel(l.source)}
                  </p>
                ) : null}
                {canEdit ? (
                  <div className="case-links__actions">
                    <Link to={`${back}?edit=${l.link.id}`}>
                      {t("replication.links.edit")}
                      <span className="visually-hidden">: {otherTitle}</span>
                    </Link>
                    <details>
                      <summary>
                        {t("replication.links.delete")}
                        <span className="visually-hidden">: {otherTitle}</span>
                      </summary>
                      <Form method="post" action={back}>
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="linkId" value={l.link.id} />
                        <input type="hidden" name="version" value={l.link.version} />
                        <p>{t("replication.links.deleteConfirm")}</p>
                        <button type="submit" className="button case-links__delete-button">
                          {t("replication.links.deleteButton")}
                          <span className="visually-hidden">: {otherTitle}</span>
                        </button>
                      </Form>
                    </details>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("replication.links.empty")}</p>
      )}
      {canEdit && choices && editResult?.conflict ? (
        <RecordConflict
          conflict={editResult.conflict}
          rows={fieldRows(comparedFields, describe.label, describe.value)}
          submitted={editResult.reply.initialValue ?? {}}
          discardTo={edited ? `${back}?edit=${edited.link.id}` : back}
        />
      ) : canEdit && choices && edited ? (
        <section aria-labelledby="edit-link-title">
          <h2 id="edit-link-title">
            {t("replication.links.editTitle", { case: localized(otherOf(edited).title, lang) })}
          </h2>
          {editResult?.revised ? <RevisedNotice /> : null}
          <CaseLinkForm
            key={`edit-${edited.link.id}-${edited.link.version}`}
            choices={choices}
            defaultValue={loaderData.editing ?? undefined}
            result={editResult}
            editing
            cancelTo={back}
          />
        </section>
      ) : null}
      {canEdit && choices ? (
        <details className="add-form" open={addResult ? true : undefined}>
          <summary>{t("replication.links.add")}</summary>
          {/* Once saved, the form starts empty again. */}
          <CaseLinkForm
            key={`add-${links.length}`}
            choices={choices}
            result={addResult}
            editing={false}
            cancelTo={back}
          />
        </details>
      ) : null}
    </div>
  );
}

/** How the conflict view names a field and shows its value, in the reader's language. */
function useDescribe(choices: Route.ComponentProps["loaderData"]["choices"]) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels: Record<string, string> = {
    direction: t("replication.links.direction"),
    otherCaseId: t("replication.links.otherCase"),
    placeEn: t("replication.form.placeEn"),
    placeId: t("replication.form.placeId"),
    countryCode: t("replication.form.country"),
    latitude: t("replication.form.latitude"),
    longitude: t("replication.form.longitude"),
    year: t("replication.form.year"),
    status: t("replication.status"),
    noteEn: t("replication.form.noteEn"),
    noteId: t("replication.form.noteId"),
    sourceId: t("replication.links.source"),
  };
  return {
    label: (field: string) => labels[field] ?? field,
    value: (field: string, value: string | string[] | undefined) => {
      const one = [value ?? ""].flat()[0] ?? "";
      if (!one) return "";
      switch (field) {
        case "direction":
          return one === "inspiredBy" || one === "adaptedAs" ? t(`replication.direction.${one}`) : one;
        case "status":
          return t(`caseLinkStatus.${one}`, { defaultValue: one });
        case "otherCaseId":
          return localized(choices?.cases.find((c) => String(c.id) === one)?.title, lang) || one;
        case "countryCode":
          return localized(choices?.countries.find((c) => c.code === one)?.name, lang) || one;
        case "sourceId": {
          const source = choices?.sources.find((s) => String(s.id) === one);
          return source ? sourceLabel(source) : one;
        }
        default:
          return one;
      }
    },
  };
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
