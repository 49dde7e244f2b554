import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/library.$slug";
import { SourceList } from "../components/source-list";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { localized } from "../lib/localized";
import { notFound } from "../lib/http";
import { titled } from "../lib/meta";
import { useLanguage } from "../lib/use-formatter";
import { getPublishedCase } from "../models/case.server";

// What a slug looks like (content/ checks the same): anything else (`%00`, a path) is no case.
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function loader({ params, context }: Route.LoaderArgs) {
  const found =
    slugPattern.test(params.slug) && params.slug.length <= 200 ? await getPublishedCase(db, params.slug) : null;
  if (!found) notFound();
  return { case: found, title: localized(found.title, getLanguage(context)) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function CaseStudy({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const c = loaderData.case;
  return (
    <article className="page page--narrow">
      <p>
        <Link to="/library">← {t("library.back")}</Link>
      </p>
      <h1>{localized(c.title, lang)}</h1>
      <dl className="facts">
        <dt>{t("library.country")}</dt>
        <dd>{localized(c.countryName, lang)}</dd>
        {c.organizationName ? (
          <>
            <dt>{t("library.organization")}</dt>
            <dd>{localized(c.organizationName, lang)}</dd>
          </>
        ) : null}
        <dt>{t("library.sector")}</dt>
        <dd>{c.sector}</dd>
      </dl>
      <p className="lead">{localized(c.summary, lang)}</p>
      {c.lessons.length ? (
        <section aria-labelledby="lessons-title">
          <h2 id="lessons-title">{t("library.lessons")}</h2>
          <ul>
            {c.lessons.map((lesson, i) => (
              <li key={i}>{localized(lesson, lang)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <SourceList heading={t("library.sources")} sources={c.sources} />
    </article>
  );
}
