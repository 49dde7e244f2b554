import { data, redirect } from "react-router";
import type { Route } from "./+types/citations";
import { db } from "../db.server";
import { citationForm } from "../forms/sources";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { recordPage } from "../lib/record-subject";
import { RecordError } from "../models/errors.server";
import { citeSource, removeCitation } from "../models/source-writes.server";

/** Nothing to show: the source forms of the record pages post here. */
export function loader() {
  return redirect("/");
}

/** Never rendered: a refusal is the site's error page in the reader's language (see follows.tsx). */
export default function Citations() {
  return null;
}

/** Cites a source from the list on a case, activity or agreement, or stops citing one. Editors only. */
export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const { t } = getI18n(context);
  const parsed = citationForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data({ message: t("validation.invalid") }, { status: 400 });
  const actor = { userId: user.id };
  const subject = { kind: parsed.data.subjectKind, id: parsed.data.subjectId };
  const target = { sourceId: parsed.data.sourceId, subject };
  if (parsed.data.intent === "remove") {
    if (!(await removeCitation(db, actor, target))) throw data(null, { status: 404 });
    return redirectWithNotice(recordPage(subject), "sources.removed");
  }
  try {
    const done = await citeSource(db, actor, { ...target, note: parsed.data.note ?? null });
    if (!done) throw data({ message: t("sources.recordGone") }, { status: 404 });
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    const [problem] = Object.values(error.errors);
    throw data({ message: t(problem!.key, problem!.values) }, { status: error.status });
  }
  return redirectWithNotice(recordPage(subject), "sources.cited");
}
