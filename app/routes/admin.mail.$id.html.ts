import type { Route } from "./+types/admin.mail.$id.html";
import { db } from "../db.server";
import { requireUser } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { getOutboxMail } from "../models/mail-outbox.server";

/**
 * A message's HTML as its own document, for admins to see it as a mail client would. The email is
 * not our markup, so it is kept apart from the app's pages: this policy's `sandbox` gives it an
 * origin of its own (no cookies, no access to the app) on top of the app's policy, which already
 * refuses its scripts and anything remote.
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const mail = await getOutboxMail(db, idParam(params));
  if (!mail) notFound();
  return new Response(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
