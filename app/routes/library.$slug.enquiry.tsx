import { Link, redirect } from "react-router";
import type { Route } from "./+types/library.$slug.enquiry";
import { EnquiryForm } from "../components/enquiry-form";
import { db } from "../db.server";
import { enquiryForm, honeypotField } from "../forms/enquiry";
import { refuseSubmission } from "../forms/save.server";
import { parseSubmission } from "../forms/submission";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { appSecret } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { requestInfoContext } from "../lib/request-context";
import { enquiryCaseBySlug } from "../models/enquiry-queries.server";
import { addEnquiry } from "../models/enquiry-writes.server";
import { linkOrigin } from "../models/user-tokens.server";
import { libraryPage } from "../i18n/packs";
import "../styles/enquiries.css";

// What a slug looks like (content/ checks the same): anything else is no case.
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The published case the address names, or 404: drafts and archived cases take no requests. */
async function publishedCase(slug: string) {
  const found = slugPattern.test(slug) && slug.length <= 200 ? await enquiryCaseBySlug(db, slug) : null;
  if (!found) notFound();
  return found;
}

/** The request form on a page of its own (the case page holds the same form, posting here). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const found = await publishedCase(params.slug);
  const title = localized(found.title, getLanguage(context));
  const sent = new URL(request.url).searchParams.has("sent");
  return { slug: found.slug, title, sent, pageTitle: getI18n(context).t("enquiries.form.title") };
}

/** After a request is taken, the thanks are a page of their own: reloading it sends nothing again. */
const thanks = (slug: string) => redirect(`/library/${slug}/enquiry?sent`);

/**
 * A visitor's request, without an account. A filled honeypot gets the same thanks and nothing is
 * kept (not even a rate-limit count); too many requests from this client or for this address get
 * 429. Same-origin posts only: the cross-site check (app/server/security.server.ts) runs first.
 */
export async function action({ params, context, request }: Route.ActionArgs) {
  const found = await publishedCase(params.slug);
  const form = await request.formData();
  const trap = form.get(honeypotField);
  if (typeof trap === "string" && trap.trim() !== "") return thanks(found.slug);
  const submission = parseSubmission(form, enquiryForm);
  if (submission.status !== "success") return refuseSubmission("enquiry", submission);
  const { website: _trap, ...fields } = submission.value;
  const outcome = await addEnquiry(db, {
    ...fields,
    caseId: found.caseId,
    caseSlug: found.slug,
    caseTitle: found.title,
    language: getLanguage(context),
    origin: linkOrigin(request),
    secret: await appSecret(),
    clientAddress: context.get(requestInfoContext).clientAddress,
  });
  if (outcome.kind === "limited") {
    return refuseSubmission(
      "enquiry",
      submission,
      429,
      { "": [{ key: "enquiries.rateLimited", values: { minutes: outcome.minutes } }] },
      { headers: { "Retry-After": String(outcome.minutes * 60) } },
    );
  }
  return thanks(found.slug);
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  ...titled(loaderData ? `${loaderData.pageTitle}: ${loaderData.title}` : undefined),
  // The thanks are for the one who sent a request (anyone may open the address): no search engine keeps them.
  ...(loaderData?.sent ? [{ name: "robots", content: "noindex" }] : []),
];

// Lets the 429's Retry-After reach the client.
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export default function CaseEnquiry({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug, title, sent } = loaderData;
  const back = (
    <p className="enquiry-page__back">
      <Link to={`/library/${slug}`}>← {t("enquiries.backToCase", { title })}</Link>
    </p>
  );
  if (sent) {
    return (
      <div className="page page--narrow">
        {back}
        <h1>{t("enquiries.sentTitle")}</h1>
        <p role="status">{t("enquiries.sentText")}</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      {back}
      <h1>{title}</h1>
      <EnquiryForm action={`/library/${slug}/enquiry`} result={actionData} />
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
