import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/agreements.$id.edit";
import { AgreementForm, type AgreementFormOptions } from "../components/agreement-form";
import { ConflictDetails } from "../components/conflict-details";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import type { FormValues } from "../lib/forms";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { saveRecordForm } from "../lib/record-form.server";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { editAgreementForm } from "../forms/agreement";
import { agreementFormValues, agreementInput } from "../forms/agreement.server";
import { agreementFormOptions, getAgreementForEdit } from "../models/agreement-edit.server";
import { updateAgreement } from "../models/agreement-writes.server";
import "../styles/agreements.css";

const comparedFields = [
  "kind",
  "titleEn",
  "titleId",
  "summaryEn",
  "summaryId",
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
  return saveRecordForm(db, await request.formData(), editAgreementForm, {
    save: (input) => updateAgreement(db, { userId: user.id }, { ...agreementInput(input), id, version: input.version }),
    redirectTo: () => `/agreements/${id}?saved=updated`,
    conflict: (input) => ({
      entityType: "agreement",
      entityId: id,
      version: input.version,
      fields: comparedFields,
      toValues: agreementFormValues,
      message: "agreements.conflict",
    }),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, options } = loaderData;
  const values: FormValues = actionData?.values ?? loaderData.values;
  const describe = useDescribe(options);
  return (
    <div className="page">
      <p>
        <Link to={`/agreements/${id}`}>← {t("agreements.backToAgreement")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      {actionData?.conflict ? (
        <ConflictDetails
          conflict={actionData.conflict}
          yours={values}
          label={describe.label}
          display={describe.value}
        />
      ) : null}
      <AgreementForm
        options={options}
        values={values}
        errors={actionData?.errors}
        selfId={id}
        submitLabel={t("agreements.form.save")}
        cancelTo={`/agreements/${id}`}
      />
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
    summaryEn: t("agreements.form.summaryEn"),
    summaryId: t("agreements.form.summaryId"),
    signedOn: t("agreements.signedOn"),
    signedCity: t("agreements.form.signedCity"),
    inForceFrom: t("agreements.form.inForceFrom"),
    inForceUntil: t("agreements.form.inForceUntil"),
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
          return one ? t(`agreementKind.${one}`) : "";
        case "status":
          return one ? t(`agreementStatus.${one}`) : "";
        case "signedOn":
        case "inForceFrom":
        case "inForceUntil":
          return /^\d{4}-\d{2}-\d{2}$/.test(one) ? format.day(one) : one;
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
