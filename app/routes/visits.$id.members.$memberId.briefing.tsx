import type { Route } from "./+types/visits.$id.members.$memberId.briefing";
import { BriefingBody, BriefingHeader } from "../components/briefing-body";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { loadBriefing } from "../models/briefing.server";
import { findVisitLink } from "../models/visit-links.server";
import "../styles/briefing.css";

/**
 * A delegation member's own briefing by their personal link (decision 21), for a member without
 * an account: their version, read-only, with their own needs and nobody else's. Nothing else opens
 * with the link; the cooperation's history and the itinerary's documents stay behind sign-in.
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const visitId = idParam(params);
  const memberId = idParam({ id: params.memberId });
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const link = await findVisitLink(db, token, { visitId, purpose: "briefing", memberId });
  if (!link) notFound();
  const briefing = await loadBriefing(db, visitId, { userId: null, canEdit: false, linkMemberId: memberId }, memberId);
  if (!briefing) notFound();
  const items = briefing.items.map((item) => ({ ...item, documents: [] }));
  const title = getI18n(context).t("briefing.heading", {
    title: localized(briefing.visit.title, getLanguage(context)),
  });
  // What the page does not show is not sent either: the loader's data is in the HTML.
  const shown = { ...briefing, commitments: [], cases: [], earlierVisits: [], followUps: [] };
  return { briefing: { ...shown, items, itinerary: briefing.itinerary && { ...briefing.itinerary, items } }, title };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  ...titled(loaderData?.title),
  // The address is a credential: no search engine keeps it.
  { name: "robots", content: "noindex" },
];

// The page's address is a credential, and what it shows is one person's: no cache keeps it.
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export default function SharedBriefing({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { briefing } = loaderData;
  return (
    <article className="page briefing">
      <BriefingHeader briefing={briefing} title={loaderData.title} />
      <p className="hint">{t("visitLinks.shared")}</p>
      <BriefingBody briefing={briefing} />
    </article>
  );
}

// The visit's strings (and the people's, for names and titles) are a chunk of their own.
export const handle = visitsPage;
