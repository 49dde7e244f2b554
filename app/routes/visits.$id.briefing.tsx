import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.briefing";
import { BriefingBody, BriefingHeader } from "../components/briefing-body";
import { BriefingHistory } from "../components/briefing-history";
import { BriefingLinks } from "../components/briefing-links";
import { ActionForm } from "../components/form-action";
import { db } from "../db.server";
import { env } from "../env.server";
import { briefingIssueForm } from "../forms/briefing";
import { resultFor } from "../forms/result";
import { dispatchIntent, intentOf, refuseSubmission, saveForm } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { visitLinkForm, visitLinkIntents } from "../forms/visit-links";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { forbidden, notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { memberParam } from "../lib/member-param";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { issueBriefing } from "../models/briefing-issue.server";
import { loadBriefing } from "../models/briefing.server";
import type { SessionUser } from "../models/session.server";
import { linkOrigin } from "../models/user-tokens.server";
import { issueVisitLink, revokeVisitLinks, visitLinksOf } from "../models/visit-links.server";
import "../styles/briefing.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const canEdit = hasRole(user, "editor");
  const [briefing, links] = await Promise.all([
    loadBriefing(db, id, { userId: user.id, canEdit }, memberParam(request)),
    visitLinksOf(db, id, { userId: user.id, canEdit }),
  ]);
  if (!briefing) notFound();
  const title = getI18n(context).t("briefing.heading", {
    title: localized(briefing.visit.title, getLanguage(context)),
  });
  return { briefing, canEdit, links, title };
}

/**
 * A secret link's forms (decision 21): anyone who reads the briefing makes and stops their own
 * calendar subscription; only editors a member's personal briefing link, which is the member's
 * (no account holds it). A new link's address is answered once, never redirected with.
 */
async function linkAction(form: FormData, request: Request, user: SessionUser, visitId: number) {
  const submission = parseSubmission(form, visitLinkForm);
  if (submission.status !== "success") return refuseSubmission(String(form.get("intent")), submission);
  const { intent, member } = submission.value;
  const memberId = member ?? null;
  const personal = intent === "makeMemberLink" || intent === "stopMemberLink";
  if (personal && (!hasRole(user, "editor") || memberId == null)) forbidden();
  const actor = { userId: user.id };
  const holder = personal
    ? { visitId, purpose: "briefing" as const, memberId, userId: null }
    : { visitId, purpose: "calendar" as const, memberId, userId: user.id };
  if (intent === "stopCalendarLink" || intent === "stopMemberLink") {
    await revokeVisitLinks(db, actor, holder);
    // A member's personal links go together: their calendar's too.
    if (personal) await revokeVisitLinks(db, actor, { ...holder, purpose: "calendar" });
    const back = `/visits/${visitId}/briefing${memberId ? `?member=${memberId}` : ""}`;
    return redirectWithNotice(back, "visitLinks.stopped");
  }
  const made = await issueVisitLink(db, actor, holder);
  if (!made) notFound();
  return { made: { url: linkOrigin(request) + made.path, purpose: holder.purpose } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const form = await request.formData();
  const origin = env.APP_URL ?? new URL(request.url).origin;
  if ((visitLinkIntents as readonly string[]).includes(intentOf(form))) return linkAction(form, request, user, id);
  return dispatchIntent(
    form,
    {
      issue: () =>
        saveForm(form, briefingIssueForm, {
          intent: "issue",
          save: (v) => {
            if (!hasRole(user, "editor")) forbidden();
            return issueBriefing(db, { userId: user.id }, id, v, { origin });
          },
          done: () => redirectWithNotice(`/visits/${id}/briefing`, "briefing.issued"),
          stale: "briefing.issueStale",
        }),
    },
    "issue",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function BriefingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { briefing, canEdit } = loaderData;
  const { visit, member } = briefing;
  // A new link's address, or the refused form's answer.
  const actionResult = actionData && "reply" in actionData ? actionData : undefined;
  const issueResult = resultFor(actionResult, "issue");
  const refusal = issueResult?.reply.error?.[""]?.[0];
  const base = `/visits/${visit.id}`;
  return (
    <article className="page briefing">
      <nav className="briefing-tools" aria-label={t("briefing.tools")}>
        <p>
          <Link to={base}>← {t("briefing.back")}</Link>
        </p>
        <ul className="briefing-tools__links">
          <li>
            <a href={`${base}/briefing.pdf${member ? `?member=${member.id}` : ""}`} download>
              {t("briefing.downloadPdf")}
            </a>
          </li>
          <li>
            <a href={member ? `${base}/members/${member.id}/calendar.ics` : `${base}/calendar.ics`}>
              {t("briefing.calendar")}
            </a>
          </li>
        </ul>
        {briefing.delegation.length ? (
          <details className="briefing-tools__versions" open={!!member}>
            <summary>{t("briefing.versions")}</summary>
            <ul>
              <li>
                <Link to={`${base}/briefing`} aria-current={member ? undefined : "page"}>
                  {t("briefing.wholeDelegation")}
                </Link>
              </li>
              {briefing.delegation.map((m) => (
                <li key={m.id}>
                  <Link to={`${base}/briefing?member=${m.id}`} aria-current={member?.id === m.id ? "page" : undefined}>
                    {t("briefing.forMember", { name: m.name })}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </nav>

      <BriefingHeader briefing={briefing} title={loaderData.title} />

      {canEdit && !member ? (
        <section className="briefing__issue" aria-labelledby="briefing-issue">
          <h2 id="briefing-issue" className="visually-hidden">
            {t("briefing.issue")}
          </h2>
          {refusal ? (
            <div role="alert" className="alert">
              {t(refusal.key, refusal.values)}
            </div>
          ) : null}
          <p className="hint">{t("briefing.issueHelp")}</p>
          <ActionForm
            id="issue"
            result={issueResult}
            values={{
              intent: "issue",
              version: visit.version,
              itineraryVersion: visit.itineraryVersion,
              delegationVersion: visit.delegationVersion,
            }}
          >
            <button type="submit" className="button">
              {t(visit.briefingIssuedAt ? "briefing.issueAgain" : "briefing.issue")}
            </button>
          </ActionForm>
        </section>
      ) : null}

      <BriefingBody briefing={briefing} />
      <BriefingLinks
        links={loaderData.links}
        member={member}
        canEdit={canEdit}
        made={actionData && "made" in actionData ? actionData.made : null}
        result={resultFor(actionResult, ...visitLinkIntents)}
      />

      <BriefingHistory briefing={briefing} />
    </article>
  );
}

// The visit's strings (and the people's, for names and titles) are a chunk of their own.
export const handle = visitsPage;
