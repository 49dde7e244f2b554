import { Link } from "react-router";
import type { Route } from "./+types/people.$id.edit";
import { usePersonConflictRows } from "../components/person-conflict-rows";
import { PersonForm } from "../components/person-form";
import { ConflictOrForm } from "../components/record-conflict";
import { db } from "../db.server";
import { personFormSchema } from "../forms/person";
import { personConflictFields, personFormValues, personInput } from "../forms/person.server";
import { saveForm } from "../forms/save.server";
import { getI18n } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { describeConflict } from "../models/conflict.server";
import { getPersonForEdit, personFormOptions } from "../models/people-queries.server";
import { updatePerson, type AuditedPerson, type PersonInput } from "../models/people-writes.server";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [person, options] = await Promise.all([getPersonForEdit(db, id), personFormOptions(db)]);
  if (!person) notFound();
  return {
    id,
    values: personFormValues({ ...person.input, version: person.version }),
    options,
    title: getI18n(context).t("people.editTitle", { name: person.name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  let input: PersonInput | undefined;
  return saveForm(await request.formData(), personFormSchema, {
    save: (value) => {
      input = personInput(value);
      // A form without a version cannot say what it was based on: treat it as stale.
      return updatePerson(db, { userId: user.id }, id, value.version ?? 0, input);
    },
    done: () => redirectWithNotice(`/people/${id}`, "people.saved"),
    gone: "people.notFoundAnyMore",
    conflict: (value, current) => {
      const saved = current as AuditedPerson;
      return describeConflict(db, {
        entityType: "person",
        entityId: id,
        version: value.version ?? 0,
        yours: personFormValues(input!),
        theirs: personFormValues(saved),
        currentVersion: saved.version,
        fields: personConflictFields,
        baseValues: (state: AuditedPerson) => personFormValues({ ...state, positions: state.positions ?? [] }),
      });
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EditPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { id, options } = loaderData;
  const rows = usePersonConflictRows(options);
  return (
    <div className="page">
      <p>
        <Link to={`/people/${id}`}>← {t("people.backToPerson")}</Link>
      </p>
      <h1>{loaderData.title}</h1>
      <ConflictOrForm
        result={actionData}
        rows={rows}
        discardTo={`/people/${id}/edit`}
        title={t("people.conflictTitle")}
        form={(notice) => (
          <PersonForm
            defaultValue={loaderData.values}
            result={actionData}
            options={options}
            submitLabel={t("form.save")}
            cancelTo={`/people/${id}`}
            notice={notice}
          />
        )}
      />
    </div>
  );
}

export const handle = peoplePage;
