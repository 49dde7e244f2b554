import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/agreements.new";
import { AgreementForm } from "../components/agreement-form";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { titled } from "../lib/meta";
import { redirectWithNotice } from "../lib/flash.server";
import { saveForm } from "../forms/save.server";
import { newAgreementForm } from "../forms/agreement";
import { agreementInput } from "../forms/agreement.server";
import { agreementFormOptions } from "../models/agreement-edit.server";
import { createAgreement } from "../models/agreement-writes.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await agreementFormOptions(db), title: getI18n(context).t("agreements.newAgreement") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), newAgreementForm, {
    save: (input) =>
      createAgreement(db, { userId: user.id }, { ...agreementInput(input), partnershipId: input.partnershipId }),
    done: (created) => redirectWithNotice(`/agreements/${created.id}`, "agreements.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

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
        defaultValue={{}}
        result={actionData}
        submitLabel={t("agreements.form.create")}
        cancelTo="/agreements"
      />
    </div>
  );
}
