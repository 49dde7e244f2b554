import { Link } from "react-router";
import type { Route } from "./+types/cases.$id.edit";
import { CaseForm } from "../components/case-form";
import { ConflictOrForm } from "../components/record-conflict";
import { useCaseConflictRows } from "../components/case-conflict-rows";
import { db } from "../db.server";
import type { Case } from "../../db/schema";
import { caseFormSchema } from "../forms/case";
import { caseConflictFields, caseFormValues, caseInputFromForm } from "../forms/case.server";
import { saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { caseFormOptions, getCaseForEdit, getCaseTexts } from "../models/case-queries.server";
import type { CaseInput } from "../models/case-writes.server";
import { updateCase } from "../models/case-writes.server";
import { describeConflict } from "../models/conflict.server";
import "../styles/activity.css";
import { casesPage } from "../i18n/packs";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [row, options] = await Promise.all([getCaseForEdit(db, id), caseFormOptions(db)]);
  if (!row) notFound();
  const name = localized(row.title, getLanguage(context));
  return {
    id,
    values: caseFormValues(row),
    options,
    title: getI18n(context).t("caseEditor.editTitle", { title: name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  let input: CaseInput | undefined;
  return saveForm(await request.formData(), caseFormSchema, {
    save: async (value) => {
      input = await caseInputFromForm(value, () => getCaseTexts(db, id));
      // A form without a version cannot say what it was based on: treat it as stale.
      return updateCase(db, { userId: user.id }, id, value.version ?? 0, input);
    },
    done: () => redirectWithNotice(`/cases/${id}`, "caseEditor.saved"),
    gone: "caseEditor.notFoundAnyMore",
    conflict: (value, current) => {
      const saved = current as Case;
      return describeConflict(db, {
        entityType: "case",
        entityId: id,
        version: value.version ?? 0,
        yours: caseFormValues(input!),
        theirs: caseFormValues(saved),
        currentVersion: saved.version,
        fields: caseConflictFields,
        baseValues: (state: Case) => caseFormValues(state),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditCase({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, options } = loaderData;
  const rows = useCaseConflictRows(options);
  return (
    <div className="page">
      <p>
        <Link to={`/cases/${id}`}>← {t("caseEditor.backToCase")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <ConflictOrForm
        result={actionData}
        rows={rows}
        discardTo={`/cases/${id}/edit`}
        title={t("caseEditor.conflictTitle")}
        form={(notice) => (
          <CaseForm
            defaultValue={loaderData.values}
            result={actionData}
            options={options}
            submitLabel={t("caseEditor.save")}
            cancelTo={`/cases/${id}`}
            notice={notice}
          />
        )}
      />
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = casesPage;
