import type { Route } from "./+types/organizations.$id.merge";
import { MergeForm } from "../components/merge-form";
import { db } from "../db.server";
import { mergeFormSchema } from "../forms/merge";
import { saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { organizationOptions } from "../models/organization.server";
import { getOrganizationForEdit } from "../models/organization-queries.server";
import { mergeOrganizations } from "../models/organization-merge.server";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [organization, all] = await Promise.all([getOrganizationForEdit(db, id), organizationOptions(db)]);
  if (!organization) notFound();
  const lang = getLanguage(context);
  const name = localized(organization.name, lang);
  return {
    id,
    name,
    version: String(organization.version),
    // Labelled here, in the reader's language: the page needs nothing else of them.
    candidates: all
      .filter((o) => o.id !== id)
      .map((o) => ({
        id: o.id,
        label: o.acronym ? `${localized(o.name, lang)} (${o.acronym})` : localized(o.name, lang),
      })),
    title: getI18n(context).t("organizations.merge.title", { name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), mergeFormSchema, {
    save: (value) =>
      mergeOrganizations(
        db,
        { userId: user.id },
        { survivorId: id, duplicateId: value.duplicateId, survivorVersion: value.version },
      ),
    done: () => redirectWithNotice(`/organizations/${id}`, "organizations.merged"),
    gone: "organizations.notFoundAnyMore",
    stale: "organizations.merge.stale",
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function MergeOrganization({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, name } = loaderData;
  return (
    <MergeForm
      back={{ to: `/organizations/${id}`, label: t("organizations.backToOrganization") }}
      title={loaderData.title}
      intro={t("organizations.merge.intro", { name })}
      version={loaderData.version}
      candidates={loaderData.candidates}
      actionData={actionData}
      words={{
        duplicate: t("organizations.merge.duplicate"),
        choose: t("organizations.merge.choose"),
        submit: t("organizations.merge.submit"),
      }}
    />
  );
}

export const handle = peoplePage;
