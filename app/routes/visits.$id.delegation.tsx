import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.delegation";
import { DelegationForm } from "../components/delegation-form";
import { DelegationList } from "../components/delegation-list";
import { useDelegationConflictRows } from "../components/delegation-conflict-rows";
import { ConflictOrForm } from "../components/record-conflict";
import { db } from "../db.server";
import { delegationFormSchema } from "../forms/delegation";
import { delegationFormValues, memberInputsFromForm, submittedValues } from "../forms/delegation.server";
import {
  addRowIntent,
  memberColumns,
  removeRowIntent,
  rowCount,
  withBlankRow,
  withoutRow,
} from "../forms/delegation-fields";
import { answer, intentOf, refuse, saveForm, saveIntent } from "../forms/save.server";
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
import { describeConflict } from "../models/conflict.server";
import type { DelegationState } from "../models/visit-members.server";
import { delegationState } from "../models/visit-members.server";
import { delegationFormOptions, delegationHead, membersOf } from "../models/visit-members-queries.server";
import { saveDelegation } from "../models/visit-members-writes.server";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const canEdit = hasRole(user, "editor");
  const head = await delegationHead(db, id);
  if (!head) notFound();
  const title = getI18n(context).t("delegation.editTitle", { title: localized(head.title, getLanguage(context)) });
  if (!canEdit) {
    // Viewers read the delegation, never the members' needs.
    return { id, title, timeZone: head.timeZone, edit: null, members: await membersOf(db, id, { withNeeds: false }) };
  }
  const [state, options] = await Promise.all([delegationState(db, id), delegationFormOptions(db)]);
  if (!state) notFound();
  return {
    id,
    title,
    timeZone: head.timeZone,
    edit: { values: delegationFormValues(state, head.timeZone), options },
    members: null,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const head = await delegationHead(db, id);
  if (!head) notFound();
  const form = await request.formData();
  const intent = intentOf(form);
  // A row added or removed without JavaScript: the form comes back with it, nothing saved.
  if (intent === addRowIntent || intent.startsWith(removeRowIntent)) {
    const typed = parseSubmission(form, delegationFormSchema).payload as Record<string, unknown>;
    const index = intent === addRowIntent ? -1 : Number(intent.slice(removeRowIntent.length));
    if (intent !== addRowIntent && !(Number.isInteger(index) && index >= 0 && index < rowCount(typed))) {
      return refuse(saveIntent, { key: "validation.invalid" });
    }
    const values = index < 0 ? withBlankRow(typed) : withoutRow(typed, index);
    return answer(200, { intent: saveIntent, reply: { initialValue: values as Record<string, string | string[]> } });
  }
  return saveForm(form, delegationFormSchema, {
    save: (value) =>
      // A form without a version cannot say what it was based on: treat it as stale.
      saveDelegation(db, { userId: user.id }, id, value.version ?? 0, memberInputsFromForm(value, head.timeZone)),
    done: () => redirectWithNotice(`/visits/${id}`, "delegation.saved"),
    gone: "delegation.notFoundAnyMore",
    conflict: (value, current) => {
      const saved = current as DelegationState;
      const { version: _version, ...theirs } = delegationFormValues(saved, head.timeZone);
      return describeConflict(db, {
        entityType: "visit_delegation",
        entityId: id,
        version: value.version ?? 0,
        yours: submittedValues(value),
        theirs,
        currentVersion: saved.version,
        fields: [...memberColumns],
        baseValues: (state: DelegationState) => delegationFormValues(state, head.timeZone),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function DelegationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, edit, members, timeZone } = loaderData;
  const conflictRows = useDelegationConflictRows();
  return (
    <div className="page">
      <p>
        <Link to={`/visits/${id}`}>← {t("delegation.backToVisit")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <p>{t("delegation.intro")}</p>
      {members ? <DelegationList members={members} timeZone={timeZone} headingLevel={2} /> : null}
      {edit ? (
        <ConflictOrForm
          result={actionData}
          rows={(conflict) => conflictRows(edit.options, conflict)}
          discardTo={`/visits/${id}/delegation`}
          title={t("delegation.conflictTitle")}
          form={(notice) => (
            <DelegationForm
              defaultValue={edit.values}
              result={actionData}
              options={edit.options}
              timeZone={timeZone}
              cancelTo={`/visits/${id}`}
              notice={notice}
            />
          )}
        />
      ) : null}
    </div>
  );
}

export const handle = visitsPage;
