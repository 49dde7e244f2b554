import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/agreements.$id.commitments.new";
import { typedValues } from "../components/agreement-field";
import { CommitmentForm } from "../components/commitment-form";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import type { Language } from "../i18n/config";
import { requireUser } from "../lib/auth.server";
import { parseForm, type FormErrors } from "../lib/forms";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useLanguage } from "../lib/use-formatter";
import { getAgreementForEdit } from "../models/agreement.server";
import {
  commitmentInput,
  createCommitment,
  newCommitmentForm,
  organizationOptions,
  RuleError,
} from "../models/commitment.server";
import "../styles/agreements.css";

function agreementId(params: { id?: string }) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = agreementId(params);
  const [agreement, organizations] = await Promise.all([getAgreementForEdit(db, id), organizationOptions(db)]);
  if (!agreement) throw new Response("Not found", { status: 404 });
  const { t } = getI18n(context);
  return {
    agreement: { id: agreement.id, title: agreement.title },
    organizations,
    title: `${t("agreements.addCommitment")} · ${localized(agreement.title, getLanguage(context) as Language)}`,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = agreementId(params);
  const form = await request.formData();
  const parsed = parseForm(newCommitmentForm, form);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const created = await createCommitment(db, { userId: user.id }, id, commitmentInput(parsed.data));
    if (!created) throw new Response("Not found", { status: 404 });
    return redirect(`/commitments/${created.id}?saved=created`);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const errors: FormErrors = { [error.field]: { key: error.key, values: error.values } };
    return data({ errors, values: typedValues(form) }, { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewCommitment({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { agreement, organizations } = loaderData;
  return (
    <div className="page">
      <p>
        <Link to={`/agreements/${agreement.id}`}>← {localized(agreement.title, lang)}</Link>
      </p>
      <h1>{t("agreements.addCommitment")}</h1>
      <CommitmentForm
        organizations={organizations}
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel={t("commitments.form.create")}
        cancelTo={`/agreements/${agreement.id}`}
      />
    </div>
  );
}
