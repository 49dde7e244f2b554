import type { Route } from "./+types/people.$id.merge";
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
import { personOptions } from "../models/organization.server";
import { getPersonForEdit } from "../models/people-queries.server";
import { mergePeople } from "../models/person-merge.server";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [person, everyone] = await Promise.all([getPersonForEdit(db, id), personOptions(db)]);
  if (!person) notFound();
  const lang = getLanguage(context);
  return {
    id,
    name: person.name,
    version: String(person.version),
    // Labelled here, in the reader's language: the page needs nothing else of them.
    candidates: everyone
      .filter((p) => p.id !== id)
      .map((p) => ({
        id: p.id,
        label: p.organization ? `${p.name} (${p.acronym ?? localized(p.organization, lang)})` : p.name,
      })),
    title: getI18n(context).t("people.merge.title", { name: person.name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  return saveForm(await request.formData(), mergeFormSchema, {
    save: (value) =>
      mergePeople(
        db,
        { userId: user.id },
        { survivorId: id, duplicateId: value.duplicateId, survivorVersion: value.version },
      ),
    done: () => redirectWithNotice(`/people/${id}`, "people.merged"),
    gone: "people.notFoundAnyMore",
    stale: "people.merge.stale",
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function MergePerson({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, name } = loaderData;
  return (
    <MergeForm
      back={{ to: `/people/${id}`, label: t("people.backToPerson") }}
      title={loaderData.title}
      intro={t("people.merge.intro", { name })}
      version={loaderData.version}
      candidates={loaderData.candidates}
      actionData={actionData}
      words={{
        duplicate: t("people.merge.duplicate"),
        choose: t("people.merge.choose"),
        submit: t("people.merge.submit"),
      }}
    />
  );
}

export const handle = peoplePage;
