import { useTranslation } from "../i18n/translation";
import { Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/agreements.$id";
import { AgreementPeriod, AgreementStatusBadge } from "../components/agreement-status";
import { AgreementProgress } from "../components/agreement-progress";
import { CommitmentCard } from "../components/commitment-card";
import { PlainLinks } from "../components/plain-links";
import { RecordReferences } from "../components/record-references";
import { FollowButton } from "../components/follow-button";
import { Pager } from "../components/pager";
import { db } from "../db.server";
import { documentSearchOf } from "../lib/record-subject";
import type { Language } from "../i18n/config";
import { getLanguage } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized, type LocalizedText } from "../lib/localized";
import { readerText } from "../lib/reader-text";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { httpCache } from "../lib/http-cache.server";
import { getAgreement } from "../models/agreement-queries.server";
import { referencesOf } from "../models/record-references.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";
import { ExampleBadge } from "../components/example-badge";
import { RecordText } from "../components/shown-text";

/** A page number from the address; anything odd opens the first page. */
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

// Viewed again and again between changes: a repeat view is answered 304 (lib/http-cache.server.ts).
export const middleware: Route.MiddlewareFunction[] = [httpCache()];

/**
 * Commitments listed per page. Ten, not more: a card holds a dozen facts, and the page is
 * rendered on every first view (npm run bench: under 40 KB).
 */
const commitmentsPerPage = 10;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const today = calendarToday(viewerTimeZone(request, user));
  const page = pageParam.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const id = idParam(params);
  const [agreement, references] = await Promise.all([
    getAgreement(db, id, today, { page, pageSize: commitmentsPerPage, viewerId: user.id }),
    referencesOf(db, { kind: "agreement", id }, hasRole(user, "editor"), documentSearchOf(request)),
  ]);
  if (!agreement) notFound();
  const { total, pageSize } = agreement.commitmentPage;
  const last = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (the list got shorter since the link was made) shows the last one.
  if (page > last) throw redirect(`/agreements/${agreement.id}?page=${last}#commitments-title`);
  const lang = getLanguage(context);
  return {
    agreement: forReader(agreement, lang),
    canEdit: hasRole(user, "editor"),
    following: agreement.following,
    references,
    title: localized(agreement.title, lang),
  };
}

/** Only what the page shows, in the reader's language: every field is serialized into the page. */
function forReader(a: NonNullable<Awaited<ReturnType<typeof getAgreement>>>, lang: Language) {
  const text = (value: LocalizedText) => readerText(value, lang);
  return {
    id: a.id,
    title: text(a.title),
    summary: text(a.summary),
    kind: a.kind,
    state: a.state,
    signedOn: a.signedOn,
    signedCity: a.signedCity,
    inForceFrom: a.inForceFrom,
    inForceUntil: a.inForceUntil,
    inForceUntilInferred: a.inForceUntilInferred,
    example: a.example,
    partnership: { name: text(a.partnership.name) },
    sides: a.sides.map((s) => ({ code: s.code, name: text(s.name) })),
    parent: a.parent && { id: a.parent.id, title: text(a.parent.title) },
    continuedBy: a.continuedBy.map((c) => ({ id: c.id, kind: c.kind, title: text(c.title) })),
    renewedBy: a.renewedBy.map((r) => ({ id: r.id, title: text(r.title), inForceFrom: r.inForceFrom })),
    signatories: a.signatories.map((s) => ({ id: s.id, name: s.name, title: s.title && text(s.title) })),
    counts: a.counts,
    progress: a.progress,
    commitmentPage: a.commitmentPage,
    commitments: a.commitments.map((c) => ({
      id: c.id,
      text: text(c.text),
      status: c.status,
      dueOn: c.dueOn,
      example: c.example,
      overdue: c.overdue,
      responsible: readerText(c.responsible, lang),
      responsibleAcronym: c.responsibleAcronym,
      focalPoints: c.focalPoints,
      milestones: c.milestones,
      evidenceCount: c.evidenceCount,
      confirmations: c.confirmations,
      fullyConfirmed: c.fullyConfirmed,
      activityCount: c.activityCount,
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

export default function AgreementPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { agreement: a, canEdit, following } = loaderData;
  return (
    <article className="page">
      <p>
        <Link to="/agreements">← {t("agreements.title")}</Link>
      </p>
      <div className="page-heading">
        <h1>
          <RecordText text={a.title} />
        </h1>
        <ExampleBadge example={a.example} />
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/agreements/${a.id}/edit`} className="button button--secondary">
              {t("agreements.editAgreement")}
            </Link>
            <Link to={`/agreements/${a.id}/commitments/new`} className="button">
              {t("agreements.addCommitment")}
            </Link>
          </div>
        ) : null}
      </div>
      <FollowButton subjectType="agreement" subjectId={a.id} following={following} />
      <dl className="facts">
        <dt>{t("agreements.kind")}</dt>
        <dd>{t(`agreementKind.${a.kind}`)}</dd>
        <dt>{t("agreements.status")}</dt>
        <dd>
          <AgreementStatusBadge state={a.state} renewedBy={a.renewedBy} />
        </dd>
        <dt>{t("agreements.partnership")}</dt>
        <dd>
          {localized(a.partnership.name, lang)}
          {a.sides.length ? (
            <span className="meta">{a.sides.map((s) => localized(s.name, lang)).join(" · ")}</span>
          ) : null}
        </dd>
        {a.signedOn ? (
          <>
            <dt>{t("agreements.signedOn")}</dt>
            <dd>
              {format.day(a.signedOn)}
              {a.signedCity ? ` · ${t("agreements.signedIn", { city: a.signedCity })}` : null}
            </dd>
          </>
        ) : null}
        <dt>{t("agreements.period")}</dt>
        <dd>
          <AgreementPeriod from={a.inForceFrom} until={a.inForceUntil} inferred={a.inForceUntilInferred} />
        </dd>
        {a.parent ? (
          <>
            <dt>{t(a.kind === "action_plan" ? "agreements.implements" : "agreements.parent")}</dt>
            <dd>
              <Link to={`/agreements/${a.parent.id}`}>{localized(a.parent.title, lang)}</Link>
            </dd>
          </>
        ) : null}
        {a.continuedBy.length ? (
          <>
            <dt>{t("agreements.continuedBy")}</dt>
            <dd>
              <ul className="plain">
                {a.continuedBy.map((c) => (
                  <li key={c.id}>
                    {t(`agreementKind.${c.kind}`)}: <Link to={`/agreements/${c.id}`}>{localized(c.title, lang)}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t("agreements.signatories")}</dt>
        <dd>
          {a.signatories.length ? (
            <ul className="plain">
              {a.signatories.map((s) => (
                <li key={s.id}>
                  {s.name}
                  {s.title ? <span className="muted"> ({localized(s.title, lang)})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t("agreements.noSignatories")}</span>
          )}
        </dd>
      </dl>
      <p className="lead">
        <RecordText text={a.summary} />
      </p>

      <section aria-labelledby="progress-title" className="card">
        <h2 id="progress-title">{t("agreements.progress")}</h2>
        <AgreementProgress counts={a.counts} progress={a.progress} />
      </section>

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">
          {t("agreements.commitments")} <span className="muted">({format.number(a.commitmentPage.total)})</span>
        </h2>
        {a.commitments.length ? (
          <>
            <CommitmentPager agreementId={a.id} {...a.commitmentPage} />
            <PlainLinks className="commitment-list">
              {a.commitments.map((c) => (
                <CommitmentCard key={c.id} commitment={c} sides={a.sides} />
              ))}
            </PlainLinks>
          </>
        ) : (
          <p className="muted">{t("agreements.noCommitments")}</p>
        )}
      </section>

      <RecordReferences references={loaderData.references} />
    </article>
  );
}

/** Where the listed commitments sit among all of them, and links to the pages before and after. */
function CommitmentPager({
  agreementId,
  page,
  pageSize,
  total,
}: {
  agreementId: number;
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (total <= pageSize) return null;
  const pages = Math.ceil(total / pageSize);
  const href = (n: number) => `/agreements/${agreementId}${n > 1 ? `?page=${n}` : ""}#commitments-title`;
  return (
    <Pager
      label={t("agreements.commitmentPages")}
      previous={page > 1 ? href(page - 1) : undefined}
      next={page < pages ? href(page + 1) : undefined}
    >
      {t("agreements.commitmentsShowing", {
        from: format.number(Math.min(total, (page - 1) * pageSize + 1)),
        to: format.number(Math.min(total, page * pageSize)),
        total: format.number(total),
      })}
      {" · "}
      {t("pager.page", { page: format.number(page), pages: format.number(pages) })}
    </Pager>
  );
}
