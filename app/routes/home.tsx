import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/home";
import { SourceLink } from "../components/source-link";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { optionalUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { getFeaturedPartnership } from "../models/partnership.server";

export async function loader({ context }: Route.LoaderArgs) {
  return {
    partnership: await getFeaturedPartnership(db),
    signedIn: !!optionalUser(context),
    title: getI18n(context).t("app.tagline"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `Jembatan · ${loaderData.title}` : "Jembatan" },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { partnership, signedIn } = loaderData;
  if (!partnership) {
    return (
      <div className="page">
        <h1>{t("app.name")}</h1>
        <p>{t("landing.empty")}</p>
      </div>
    );
  }
  return (
    <div className="page landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{localized(partnership.name, lang)}</h1>
        <p className="hero__countries">
          <span className="visually-hidden">{t("landing.countries")}: </span>
          {partnership.countries.map((c) => localized(c.name, lang)).join(" · ")}
        </p>
        {localized(partnership.summary, lang)
          .split(/\n\s*\n/)
          .map((paragraph, i) => (
            <p key={i} className="hero__text">
              {paragraph}
            </p>
          ))}
      </section>

      {partnership.figures.length ? (
        <section aria-labelledby="figures-title" className="figures">
          <h2 id="figures-title">{t("landing.figuresTitle")}</h2>
          <ul className="figures__list">
            {partnership.figures.map((f) => (
              <li key={f.slug} className="figure">
                <span className="figure__value">{f.value}</span>
                <span className="figure__label">{localized(f.label, lang)}</span>
                <span className="figure__meta">
                  {f.asOf ? <>{t("landing.asOf", { date: format.day(f.asOf) })}. </> : null}
                  {f.source ? <SourceLink source={f.source} /> : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="cards">
        <section className="card" aria-labelledby="library-title">
          <h2 id="library-title">{t("landing.libraryTitle")}</h2>
          <p>{t("landing.libraryText")}</p>
          <Link to="/library" className="button">
            {t("landing.libraryCta")}
          </Link>
        </section>
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t("landing.staffTitle")}</h2>
          <p>{t("landing.staffText")}</p>
          <Link to={signedIn ? "/dashboard" : "/login"} className="button button--secondary">
            {signedIn ? t("nav.dashboard") : t("landing.staffCta")}
          </Link>
        </section>
      </div>
    </div>
  );
}
