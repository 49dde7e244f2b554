import { Link } from "react-router";
import type { Route } from "./+types/organizations.new";
import { OrganizationForm } from "../components/organization-form";
import { db } from "../db.server";
import { organizationFormSchema } from "../forms/organization";
import { organizationInput } from "../forms/organization.server";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { organizationFormOptions } from "../models/organization-queries.server";
import { createOrganization } from "../models/organization-writes.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await organizationFormOptions(db), title: getI18n(context).t("organizations.newTitle") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), organizationFormSchema, {
    save: (value) => createOrganization(db, { userId: user.id }, organizationInput(value)),
    done: (organization) => redirectWithNotice(`/organizations/${organization.id}`, "organizations.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewOrganization({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/organizations">← {t("organizations.back")}</Link>
      </p>
      <h1>{t("organizations.newTitle")}</h1>
      <OrganizationForm
        defaultValue={{ kind: "ministry" }}
        result={actionData}
        options={loaderData.options}
        submitLabel={t("organizations.newOrganization")}
        cancelTo="/organizations"
      />
    </div>
  );
}

export const handle = peoplePage;
