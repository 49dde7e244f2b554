import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/agreements.$id.edit";
import { AgreementForm, type AgreementFormOptions } from "../components/agreement-form";
import { fieldRows, RecordConflict, RevisedNotice } from "../components/record-conflict";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { saveForm } from "../forms/save.server";
import { conflictWith } from "../models/conflict.server";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { editAgreementForm } from "../forms/agreement";
import { agreementFormValues, agreementInput } from "../forms/agreement.server";
import { agreementFormOptions, getAgreementForEdit } from "../models/agreement-edit.server";
import { updateAgreement } from "../models/agreement-writes.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";

const comparedFields = [
  "kind",
  "titleEn",
  "titleId",
  "titleAz",
  "summaryEn",
  "summaryId",
  "summaryAz",
  "signedOn",
  "signedCity",
  "inForceFrom",
  "inForceUntil",
  "status",
  "parentId",
  "signatoryIds",
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [agreement, options] = await Promise.all([getAgreementForEdit(db, id), agreementFormOptions(db)]);
  if (!agreement) notFound();
  const name = localized(agreement.title, getLanguage(context));
  return {
    id,
    options,
    values: agreementFormValues(agreement),
    title: getI18n(context).t("agreements.editTitle", { title: name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), editAgreementForm, {
    save: (input) => updateAgreement(db, { userId: user.id }, { ...agreementInput(input), id, version: input.version }),
    done: () => redirectWithNotice(`/agreements/${id}`, "agreements.updated"),
    conflict: conflictWith(db, {
      entityType: "agreement",
      entityId: id,
      fields: comparedFields,
      toValues: agreementFormValues,
    }),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

export default function EditAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, options } = loaderData;
  const describe = useDescribe(options);
  return (
    <div className="page">
      <p>
        <Link to={`/agreements/${id}`}>← {t("agreements.backToAgreement")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      {actionData?.conflict ? (
        <RecordConflict
          conflict={actionData.conflict}
          rows={fieldRows(comparedFields, describe.label, describe.value)}
          submitted={actionData.reply.initialValue ?? {}}
          discardTo={`/agreements/${id}/edit`}
        />
      ) : (
        <>
          {actionData?.revised ? <RevisedNotice /> : null}
          <AgreementForm
            options={options}
            defaultValue={loaderData.values}
            result={actionData}
            selfId={id}
            submitLabel={t("agreements.form.save")}
            cancelTo={`/agreements/${id}`}
          />
        </>
      )}
    </div>
  );
}

/** How the conflict view names a field and shows its value, in the reader's language. */
function useDescribe(options: AgreementFormOptions) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const labels: Record<string, string> = {
    kind: t("agreements.kind"),
    titleEn: t("agreements.form.titleEn"),
    titleId: t("agreements.form.titleId"),
    titleAz: t("agreements.form.titleAz"),
    summaryEn: t("agreements.form.summaryEn"),
    summaryId: t("agreements.form.summaryId"),
    summaryAz: t("agreements.form.summaryAz"),
    signedOn: t("agreements.signedOn"),
    signedCity: t("agreements.form.signedCity"),
    inForceFrom: t("agreements.form.inForceFrom"),
    inForceUntil: t("agreements.form.inForceUntil"),
    inForceUntilInferred: t("agreements.form.inForceUntilInferred"),
    status: t("agreements.form.status"),
    parentId: t("agreements.form.parent"),
    signatoryIds: t("agreements.signatories"),
  };
  return {
    label: (field: string) => labels[field] ?? field,
    value: (field: string, value: string | string[] | undefined) => {
      const list = value === undefined ? [] : [value].flat();
      const one = list[0] ?? "";
      switch (field) {
        case "kind":
          return one ? t(`agreementKind.${one}`, { defaultValue: one }) : "";
        case "status":
          return one ? t(`agreementStatus.${one}`, { defaultValue: one }) : "";
        case "signedOn":
        case "inForceFrom":
        case "inForceUntil":
          return /^\d{4}-\d{2}-\d{2}$/.test(one) ? format.day(one) : one;
        case "inForceUntilInferred":
          return one === "on" ? t("agreements.inferredEnd") : "";
        case "parentId":
          return localized(options.agreements.find((a) => String(a.id) === one)?.title, lang);
        case "signatoryIds":
          return list
            .map((v) => options.people.find((p) => String(p.id) === v)?.name ?? v)
            .sort()
            .join("; ");
        default:
          return one;
      }
    },
  };
}
