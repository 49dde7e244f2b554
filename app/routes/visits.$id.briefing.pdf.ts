import type { Route } from "./+types/visits.$id.briefing.pdf";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { briefingPdf } from "../lib/briefing-pdf.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { localized } from "../lib/localized";
import { memberParam } from "../lib/member-param";
import { visitDays } from "../lib/visit-dates";
import { briefingRichText, loadBriefing } from "../models/briefing.server";
import { slugify } from "../models/slug.server";

/**
 * The briefing (or a member's own, `?member=`) as a PDF drawn on the server, in the reader's
 * language, holding what the page would show them: the same rules for needs apply.
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const lang = getLanguage(context);
  const id = idParam(params);
  const [briefing, states] = await Promise.all([
    loadBriefing(db, id, { userId: user.id, canEdit: hasRole(user, "editor") }, memberParam(request)),
    briefingRichText(db, id),
  ]);
  if (!briefing || !states) notFound();
  const bytes = await briefingPdf(briefing, lang, getI18n(context).t, states);
  // A clean ASCII name: briefing-<visit>-<first day>[-<member>].pdf.
  const name = [
    "briefing",
    slugify(localized(briefing.visit.title, "en"), 50, "visit"),
    visitDays(briefing.visit).first,
    briefing.member ? slugify(briefing.member.name, 30, "member") : "",
  ]
    .filter(Boolean)
    .join("-");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}.pdf"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
