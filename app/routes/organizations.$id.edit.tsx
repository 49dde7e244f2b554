import { Link } from "react-router";
import type { Route } from "./+types/organizations.$id.edit";
import { OrganizationForm } from "../components/organization-form";
import { fieldRows, RecordConflict, RevisedNotice } from "../components/record-conflict";
import { db } from "../db.server";
import type { Organization } from "../../db/schema";
import { organizationFields, organizationFormSchema } from "../forms/organization";
import { organizationFormValues, organizationInput } from "../forms/organization.server";
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
import { useLanguage } from "../lib/use-formatter";
import { conflictWith } from "../models/conflict.server";
import {
  getOrganizationForEdit,
  organizationFormOptions,
  type OrganizationFormOptions,
} from "../models/organization-queries.server";
import { updateOrganization } from "../models/organization-writes.server";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [organization, options] = await Promise.all([getOrganizationForEdit(db, id), organizationFormOptions(db)]);
  if (!organization) notFound();
  return {
    id,
    options,
    values: organizationFormValues({ ...organization.input, version: organization.version }),
    title: getI18n(context).t("organizations.editTitle", { name: localized(organization.name, getLanguage(context)) }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), organizationFormSchema, {
    // A form without a version cannot say what it was based on: treat it as stale.
    save: (value) => updateOrganization(db, { userId: user.id }, id, value.version ?? 0, organizationInput(value)),
    done: () => redirectWithNotice(`/organizations/${id}`, "organizations.saved"),
    gone: "organizations.notFoundAnyMore",
    conflict: (value, current, typed) =>
      conflictWith<Organization>(db, {
        entityType: "organization",
        entityId: id,
        fields: [...organizationFields],
        toValues: organizationFormValues,
      })({ version: value.version ?? 0 }, current, typed),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditOrganization({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, options } = loaderData;
  const describe = useDescribe(options);
  return (
    <div className="page">
      <p>
        <Link to={`/organizations/${id}`}>← {t("organizations.backToOrganization")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      {actionData?.conflict ? (
        <RecordConflict
          conflict={actionData.conflict}
          rows={fieldRows(organizationFields, describe.label, describe.value)}
          submitted={actionData.reply.initialValue ?? {}}
          discardTo={`/organizations/${id}/edit`}
          title={t("organizations.conflictTitle")}
        />
      ) : (
        <OrganizationForm
          defaultValue={loaderData.values}
          result={actionData}
          options={options}
          selfId={id}
          submitLabel={t("form.save")}
          cancelTo={`/organizations/${id}`}
          notice={actionData?.revised ? <RevisedNotice /> : undefined}
        />
      )}
    </div>
  );
}

/** How the conflict view names a field and shows its value, in the reader's language. */
function useDescribe(options: OrganizationFormOptions) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return {
    label: (field: string) => t(`organizations.fields.${field}` as "organizations.fields.nameEn"),
    value: (field: string, value: string | string[] | undefined) => {
      const one = [value ?? ""].flat()[0] ?? "";
      if (!one) return "";
      if (field === "kind")
        return t(`organizations.kinds.${one}` as "organizations.kinds.other", { defaultValue: one });
      if (field === "countryCode") return localized(options.countries.find((c) => c.code === one)?.name, lang) || one;
      if (field === "parentId") return localized(options.organizations.find((o) => String(o.id) === one)?.name, lang);
      return one;
    },
  };
}

export const handle = peoplePage;
