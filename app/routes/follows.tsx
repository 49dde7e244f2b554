import { data, redirect } from "react-router";
import type { Route } from "./+types/follows";
import { db } from "../db.server";
import { followForm } from "../forms/follow";
import { getI18n } from "../i18n/i18n.server";
import { requireUser, safeRedirect } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { addFollow, removeFollow } from "../models/follows.server";

const pages = { agreement: "agreements", commitment: "commitments", activity: "activities" } as const;

/** Nothing to show: the buttons post here from the record's own page. */
export function loader() {
  return redirect("/");
}

/**
 * Never rendered: its being here makes a refusal (bad input, no such record) the site's error page
 * in the reader's language, as a browser without JavaScript shows it, rather than bare data.
 */
export default function Follows() {
  return null;
}

/** Follows or unfollows one record for the weekly digest; any signed-in user may, for themselves. */
export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "viewer");
  const form = await request.formData();
  const parsed = followForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw data({ message: getI18n(context).t("validation.invalid") }, { status: 400 });
  const { intent, ...target } = parsed.data;
  const actor = { userId: user.id };
  const done = intent === "follow" ? await addFollow(db, actor, target) : await removeFollow(db, actor, target);
  if (!done) notFound();
  // Back to the page the button was on (a list page may show it too), by default the record's.
  const page = `/${pages[target.subjectType]}/${target.subjectId}`;
  return redirect(safeRedirect(form.get("redirectTo"), page));
}
