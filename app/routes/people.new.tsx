import { Link } from "react-router";
import type { Route } from "./+types/people.new";
import { PersonForm } from "../components/person-form";
import { db } from "../db.server";
import { personFormSchema } from "../forms/person";
import { personInput } from "../forms/person.server";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { personFormOptions } from "../models/people-queries.server";
import { createPerson } from "../models/people-writes.server";
import "../styles/activity.css";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  return { options: await personFormOptions(db), title: getI18n(context).t("people.newTitle") };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), personFormSchema, {
    save: (value) => createPerson(db, { userId: user.id }, personInput(value)),
    done: (person) => redirectWithNotice(`/people/${person.id}`, "people.created"),
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function NewPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>
        <Link to="/people">← {t("people.back")}</Link>
      </p>
      <h1>{t("people.newTitle")}</h1>
      <PersonForm
        defaultValue={{}}
        result={actionData}
        options={loaderData.options}
        submitLabel={t("people.newPerson")}
        cancelTo="/people"
      />
    </div>
  );
}

export const handle = peoplePage;
