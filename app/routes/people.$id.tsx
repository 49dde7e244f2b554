import { Link } from "react-router";
import type { Route } from "./+types/people.$id";
import { PositionDates } from "../components/position-dates";
import { SourceList } from "../components/source-list";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { getPerson } from "../models/people-queries.server";
import { intlLocales } from "../i18n/config";
import { ExampleBadge } from "../components/example-badge";
import { sourcedDate } from "../lib/sourced-date";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  // Signed-in staff only: the page shows contact details, which never reach visitors.
  const user = requireUser(context, request, "viewer");
  const person = await getPerson(db, idParam(params));
  if (!person) notFound();
  // Named on the server, whose Intl knows every language: browsers' may lack the reader's (Azerbaijani).
  const names = new Intl.DisplayNames([intlLocales[getLanguage(context)]], { type: "language", fallback: "code" });
  const languageNames = person.languages.map((code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  });
  return { person, languageNames, canEdit: hasRole(user, "editor"), title: person.name };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function PersonPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { person: p, canEdit } = loaderData;
  const notGiven = <span className="muted">{t("people.page.notGiven")}</span>;
  return (
    <div className="page">
      <p>
        <Link to="/people">← {t("people.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{p.name}</h1>
        <ExampleBadge example={p.example} />
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/people/${p.id}/edit`} className="button">
              {t("people.editPerson")}
            </Link>
            <Link to={`/people/${p.id}/merge`} className="button button--secondary">
              {t("people.merge.link")}
            </Link>
          </div>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t("people.page.organization")}</dt>
        <dd>
          {p.organizationId ? (
            <Link to={`/organizations/${p.organizationId}`}>
              {localized(p.organization, lang)}
              {p.acronym ? ` (${p.acronym})` : ""}
            </Link>
          ) : (
            notGiven
          )}
        </dd>
        <dt>{t("people.page.email")}</dt>
        <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : notGiven}</dd>
        <dt>{t("people.page.phone")}</dt>
        <dd>{p.phone ? <a href={`tel:${p.phone.replace(/[^+0-9]/g, "")}`}>{p.phone}</a> : notGiven}</dd>
        <dt>{t("people.page.languages")}</dt>
        <dd>{loaderData.languageNames.length ? loaderData.languageNames.join(", ") : notGiven}</dd>
        <dt>{t("people.page.account")}</dt>
        <dd>{p.userName ? `${p.userName} (${p.userEmail})` : notGiven}</dd>
      </dl>

      <section aria-labelledby="positions-title">
        <h2 id="positions-title">{t("people.page.positions")}</h2>
        {p.positions.length ? (
          <ul>
            {p.positions.map((x) => (
              <li key={x.id}>
                {localized(x.title, lang)}
                {x.organizationId ? (
                  <>
                    ,{" "}
                    <Link to={`/organizations/${x.organizationId}`}>
                      {x.organizationAcronym ?? localized(x.organizationName, lang)}
                    </Link>
                  </>
                ) : null}{" "}
                <span className="muted">
                  (<PositionDates startsOn={x.startsOn} endsOn={x.endsOn} />)
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("people.page.noPositions")}</p>
        )}
      </section>

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t("people.page.activities")}</h2>
        {p.activities.length ? (
          <ul>
            {p.activities.map((a) => (
              <li key={a.id}>
                <Link to={`/activities/${a.id}`}>{localized(a.title, lang)}</Link>{" "}
                <span className="muted">{sourcedDate(format, t, a)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("people.page.noActivities")}</p>
        )}
      </section>

      <SourceList heading={t("people.page.sources")} sources={p.sources} />
    </div>
  );
}

export const handle = peoplePage;
