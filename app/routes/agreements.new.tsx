import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/agreements.new";
import { typedValues } from "../components/agreement-field";
import { AgreementForm } from "../components/agreement-form";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { parseForm, type FormErrors } from "../lib/forms";
import { titled } from "../lib/meta";
import {
  agreementFormOptions,
  agreementInput,
  createAgreement,
  newAgreementForm,
  RuleError,
} from "../models/agreement.server";
import "../styles/agreements.css";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await agreementFormOptions(db), title: getI18n(context).t("agreements.newAgreement") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const form = await request.formData();
  const parsed = parseForm(newAgreementForm, form);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const created = await createAgreement(
      db,
      { userId: user.id },
      { ...agreementInput(parsed.data), partnershipId: parsed.data.partnershipId },
    );
    return redirect(`/agreements/${created.id}?saved=created`);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const errors: FormErrors = { [error.field]: { key: error.key, values: error.values } };
    return data({ errors, values: typedValues(form) }, { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/agreements">← {t("agreements.title")}</Link>
      </p>
      <h1>{t("agreements.newAgreement")}</h1>
      <AgreementForm
        options={loaderData.options}
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel={t("agreements.form.create")}
        cancelTo="/agreements"
      />
    </div>
  );
}
