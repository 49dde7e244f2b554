import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/agreements.$id.commitments.new";
import { CommitmentForm } from "../components/commitment-form";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { redirectWithNotice } from "../lib/flash.server";
import { saveForm } from "../forms/save.server";
import { idParam } from "../lib/route-params";
import { useLanguage } from "../lib/use-formatter";
import { getAgreementForEdit } from "../models/agreement-edit.server";
import { newCommitmentForm } from "../forms/commitment";
import { commitmentInput } from "../forms/commitment.server";
import { createCommitment } from "../models/commitment-writes.server";
import { organizationOptions } from "../models/organization.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [agreement, organizations] = await Promise.all([getAgreementForEdit(db, id), organizationOptions(db)]);
  if (!agreement) notFound();
  const { t } = getI18n(context);
  return {
    agreement: { id: agreement.id, title: agreement.title },
    organizations,
    title: `${t("agreements.addCommitment")} · ${localized(agreement.title, getLanguage(context))}`,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), newCommitmentForm, {
    save: (input) => createCommitment(db, { userId: user.id }, id, commitmentInput(input)),
    done: (created) => redirectWithNotice(`/commitments/${created.id}`, "commitments.saved.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

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
        defaultValue={{}}
        result={actionData}
        submitLabel={t("commitments.form.create")}
        cancelTo={`/agreements/${agreement.id}`}
      />
    </div>
  );
}
