import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { isLanguage } from "../i18n/config";
import { languageCookie } from "../i18n/i18n.server";
import { safeRedirect } from "../lib/auth.server";

export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLanguage(lng)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}
