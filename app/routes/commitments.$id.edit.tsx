import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/commitments.$id.edit";
import { CommitmentForm } from "../components/commitment-form";
import { fieldRows, RecordConflict, RevisedNotice } from "../components/record-conflict";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { saveForm } from "../forms/save.server";
import { conflictWith } from "../models/conflict.server";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { editCommitmentForm } from "../forms/commitment";
import { commitmentFormValues, commitmentInput } from "../forms/commitment.server";
import { getCommitmentForEdit } from "../models/commitment-queries.server";
import { updateCommitment } from "../models/commitment-writes.server";
import { organizationOptions } from "../models/organization.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";

const comparedFields = ["textEn", "textId", "textAz", "area", "responsibleOrganizationId", "dueOn"];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [found, organizations] = await Promise.all([getCommitmentForEdit(db, id), organizationOptions(db)]);
  if (!found) notFound();
  return {
    id,
    agreement: found.agreement,
    organizations,
    values: commitmentFormValues(found.commitment),
    title: getI18n(context).t("commitments.editTitle"),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), editCommitmentForm, {
    save: (input) =>
      updateCommitment(db, { userId: user.id }, { ...commitmentInput(input), id, version: input.version }),
    done: () => redirectWithNotice(`/commitments/${id}`, "commitments.saved.updated"),
    conflict: conflictWith(db, {
      entityType: "commitment",
      entityId: id,
      fields: comparedFields,
      toValues: commitmentFormValues,
    }),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

export default function EditCommitment({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { id, agreement, organizations } = loaderData;
  const labels: Record<string, string> = {
    textEn: t("commitments.form.textEn"),
    textId: t("commitments.form.textId"),
    textAz: t("commitments.form.textAz"),
    area: t("commitments.area"),
    responsibleOrganizationId: t("commitments.responsible"),
    dueOn: t("commitments.dueOn"),
  };
  const display = (field: string, value: string | string[] | undefined) => {
    const one = [value ?? ""].flat()[0] ?? "";
    if (field === "dueOn") return /^\d{4}-\d{2}-\d{2}$/.test(one) ? format.day(one) : one;
    if (field === "responsibleOrganizationId") {
      return localized(organizations.find((o) => String(o.id) === one)?.name, lang);
    }
    return one;
  };
  return (
    <div className="page">
      <p>
        <Link to={`/commitments/${id}`}>← {t("commitments.backToCommitment")}</Link>
      </p>
      <h1>{t("commitments.editTitle")}</h1>
      <p className="muted">
        {t("commitments.ofAgreement")}{" "}
        <Link to={`/agreements/${agreement.id}`}>{localized(agreement.title, lang)}</Link>
      </p>
      {actionData?.conflict ? (
        <RecordConflict
          conflict={actionData.conflict}
          rows={fieldRows(comparedFields, (f) => labels[f] ?? f, display)}
          submitted={actionData.reply.initialValue ?? {}}
          discardTo={`/commitments/${id}/edit`}
        />
      ) : (
        <>
          {actionData?.revised ? <RevisedNotice /> : null}
          <CommitmentForm
            organizations={organizations}
            defaultValue={loaderData.values}
            result={actionData}
            editing
            submitLabel={t("commitments.form.save")}
            cancelTo={`/commitments/${id}`}
          />
        </>
      )}
    </div>
  );
}
