import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/library.$slug";
import { CaseFacts } from "../components/case-facts";
import { EnquiryForm } from "../components/enquiry-form";
import { PublicDocuments } from "../components/attachments";
import { SharedActivities } from "../components/shared-activities";
import { ReplicationChain } from "../components/replication-chain";
import { CaseResults } from "../components/case-results";
import { CaseTextSection } from "../components/case-text";
import { ShownInline } from "../components/shown-text";
import { SourceList } from "../components/source-list";
import { db } from "../db.server";
import { getI18n, getLanguage, preferAddressLanguage } from "../i18n/i18n.server";
import { caseHead, caseMeta } from "../lib/case-head";
import { shownRich, shownText } from "../lib/case-text";
import { caseSectors, type CaseSector } from "../lib/enums";
import { notFound } from "../lib/http";
import { optionalUser } from "../lib/auth.server";
import { httpCache } from "../lib/http-cache.server";
import { replicationFor } from "../maps/replication.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { publicDocumentsFor } from "../models/attachments.server";
import { caseSources, findPublishedCase, resultSources, slugLanguage } from "../models/case-public.server";
import { sharedActivities } from "../models/case-activities.server";
import { linkOrigin } from "../models/user-tokens.server";
import "../styles/library-case.css";
import "../styles/enquiries.css";
import { libraryPage } from "../i18n/packs";

// What a slug looks like (content/ checks the same): anything else (`%00`, a path) is no case.
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isSlug = (slug: string) => slugPattern.test(slug) && slug.length <= 200;

// The Indonesian slug reads in Indonesian to a reader who chose no language (a crawler following
// the page's hreflang link). A repeat view of an unchanged case is answered 304 before the loader
// runs; visitors' pages may be kept by any cache (docs/decisions/0015-public-case-pages.md).
export const middleware: Route.MiddlewareFunction[] = [
  async ({ params, context }, next) => {
    if (isSlug(params.slug!)) await preferAddressLanguage(context, () => slugLanguage(db, params.slug!));
    return next();
  },
  httpCache({ visitors: true }),
];

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const found = isSlug(params.slug) ? await findPublishedCase(db, params.slug) : null;
  if (!found) notFound();
  const lang = getLanguage(context);
  const { t } = getI18n(context);
  const staff = optionalUser(context) !== null;
  // Everything else the page shows hangs off the case and is read side by side: a new section
  // adds its read here.
  const [sources, sourcesOfResults, replication, shared, documents] = await Promise.all([
    caseSources(db, found.caseId),
    resultSources(db, found),
    replicationFor(db, found.caseId),
    // Visitors get completed activities' type, title and month only; signed-in people every one.
    sharedActivities(db, found.caseId, { staff }),
    publicDocumentsFor(db, found.caseId),
  ]);
  const sector = (caseSectors as readonly string[]).includes(found.sector) ? (found.sector as CaseSector) : "other";
  const head = caseHead(found, lang, linkOrigin(request), { sector: t(`caseSector.${sector}`), site: t("app.name") });
  return { case: found, sources, resultSources: sourcesOfResults, replication, shared, documents, head, staff };
}

export const meta: Route.MetaFunction = ({ loaderData }) => caseMeta(loaderData?.head);

export default function CaseStudy({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const c = loaderData.case;
  const publishedOn = new Date(c.publishedAt).toISOString().slice(0, 10);
  return (
    <article className="page page--narrow case-page">
      <p className="case-page__back">
        <Link to="/library">{`← ${t("libraryCase.back")}`}</Link>
      </p>
      <header className="case-page__header">
        <h1>
          <ShownInline shown={shownText(c.title, lang)} />
        </h1>
        <p className="lead">
          <ShownInline shown={shownText(c.summary, lang)} />
        </p>
        <p className="meta">
          <time dateTime={publishedOn}>{t("libraryCase.publishedOn", { date: format.day(publishedOn) })}</time>
        </p>
      </header>
      <CaseFacts c={c} />
      <CaseTextSection id="problem" heading={t("libraryCase.problem")} text={shownText(c.problem, lang)} />
      <CaseTextSection id="solution" heading={t("libraryCase.solution")} text={shownText(c.solution, lang)} />
      <CaseTextSection id="innovation" heading={t("libraryCase.innovation")} text={shownText(c.innovation, lang)} />
      <CaseResults results={c.results} sources={loaderData.resultSources} />
      <CaseTextSection id="lessons" heading={t("libraryCase.lessons")} rich={shownRich(c.lessonsRich, lang)} />
      <CaseTextSection id="narrative" heading={t("libraryCase.narrative")} rich={shownRich(c.narrative, lang)} />
      {loaderData.replication ? (
        <ReplicationChain chain={loaderData.replication.chain} map={loaderData.replication.map} />
      ) : null}
      {/*
        The sections other features add to a case (where its idea travelled, its documents, the
        activities that shared it, asking about it) go here, after the case's own text and before
        its sources.
      */}
      <PublicDocuments documents={loaderData.documents} />
      <SharedActivities activities={loaderData.shared} />
      {/* Posts to its own address, so this page stays cacheable (app/routes/library.$slug.enquiry.tsx). */}
      {/* For partners without an account: staff do not ask themselves for a session. */}
      {loaderData.staff ? null : <EnquiryForm action={`/library/${c.slug}/enquiry`} />}
      <SourceList heading={t("libraryCase.sources")} sources={loaderData.sources} />
    </article>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
