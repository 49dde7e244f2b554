import { Link } from "react-router";
import { RecordText } from "../components/shown-text";
import type { Route } from "./+types/organizations.$id";
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
import { useLanguage } from "../lib/use-formatter";
import { getOrganization } from "../models/organization-queries.server";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const organization = await getOrganization(db, idParam(params));
  if (!organization) notFound();
  return {
    organization,
    canEdit: hasRole(user, "editor"),
    title: localized(organization.name, getLanguage(context)),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function OrganizationPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { organization: o, canEdit } = loaderData;
  const notGiven = <span className="muted">{t("organizations.page.notGiven")}</span>;
  return (
    <div className="page">
      <p>
        <Link to="/organizations">← {t("organizations.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>
          <RecordText text={o.name} />
          {o.acronym ? ` (${o.acronym})` : ""}
        </h1>
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/organizations/${o.id}/edit`} className="button">
              {t("organizations.editOrganization")}
            </Link>
            <Link to={`/organizations/${o.id}/merge`} className="button button--secondary">
              {t("organizations.merge.link")}
            </Link>
          </div>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t("organizations.page.kind")}</dt>
        <dd>{t(`organizations.kinds.${o.kind}`)}</dd>
        <dt>{t("organizations.page.country")}</dt>
        <dd>{o.countryName ? localized(o.countryName, lang) : notGiven}</dd>
        <dt>{t("organizations.page.parent")}</dt>
        <dd>
          {o.parentId ? <Link to={`/organizations/${o.parentId}`}>{localized(o.parentName, lang)}</Link> : notGiven}
        </dd>
        <dt>{t("organizations.page.website")}</dt>
        <dd>
          {o.website ? (
            <a href={o.website} rel="noopener noreferrer">
              {o.website}
            </a>
          ) : (
            notGiven
          )}
        </dd>
      </dl>
      {o.children.length ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t("organizations.page.children")}</h2>
          <ul>
            {o.children.map((c) => (
              <li key={c.id}>
                <Link to={`/organizations/${c.id}`}>
                  {localized(c.name, lang)}
                  {c.acronym ? ` (${c.acronym})` : ""}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("organizations.page.people")}</h2>
        {o.people.length ? (
          <ul>
            {o.people.map((p) => (
              <li key={p.id}>
                <Link to={`/people/${p.id}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("organizations.page.noPeople")}</p>
        )}
      </section>
      <SourceList heading={t("organizations.page.sources")} sources={o.sources} />
    </div>
  );
}

export const handle = peoplePage;
