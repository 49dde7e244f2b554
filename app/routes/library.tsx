import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/library";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useLanguage } from "../lib/use-formatter";
import { listPublishedCases } from "../models/case.server";

export async function loader({ context }: Route.LoaderArgs) {
  return { cases: await listPublishedCases(db), title: getI18n(context).t("library.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Library({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="page">
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.intro")}</p>
      {loaderData.cases.length === 0 ? (
        <p>{t("library.empty")}</p>
      ) : (
        <ul className="case-list">
          {loaderData.cases.map((c) => (
            <li key={c.slug} className="card">
              <h2>
                <Link to={`/library/${c.slug}`}>{localized(c.title, lang)}</Link>
              </h2>
              <p className="meta">
                {localized(c.countryName, lang)}
                {c.organizationName ? ` · ${localized(c.organizationName, lang)}` : null}
              </p>
              <p>{localized(c.summary, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
