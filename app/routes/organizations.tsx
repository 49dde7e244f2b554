import { Form, Link } from "react-router";
import type { Route } from "./+types/organizations";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useLanguage } from "../lib/use-formatter";
import { listOrganizations } from "../models/organization-queries.server";
import { ListText } from "../components/shown-text";

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return {
    organizations: await listOrganizations(db, q || undefined),
    q,
    canEdit: hasRole(user, "editor"),
    title: getI18n(context).t("organizations.title"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Organizations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { organizations, q, canEdit } = loaderData;
  return (
    <div className="page">
      <div className="page-heading">
        <h1 id="organizations-title">{t("organizations.title")}</h1>
        {canEdit ? (
          <Link to="/organizations/new" className="button">
            {t("organizations.newOrganization")}
          </Link>
        ) : null}
      </div>
      <Form method="get" role="search" className="activity-form__row" aria-label={t("organizations.search")}>
        <div className="field">
          <label htmlFor="organizations-q">{t("organizations.search")}</label>
          <input id="organizations-q" name="q" type="search" maxLength={200} defaultValue={q} />
        </div>
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t("organizations.searchButton")}
          </button>
          {q ? (
            <>
              {" "}
              <Link to="/organizations">{t("organizations.clearSearch")}</Link>
            </>
          ) : null}
        </div>
      </Form>
      {organizations.length ? (
        <>
          <p className="muted" role="status">
            {t("organizations.count", { count: organizations.length })}
          </p>
          <TableScroll labelledBy="organizations-title">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("organizations.columns.name")}</th>
                  <th scope="col">{t("organizations.columns.kind")}</th>
                  <th scope="col">{t("organizations.columns.country")}</th>
                  <th scope="col">{t("organizations.columns.parent")}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={`/organizations/${o.id}`}>
                        <ListText text={o.name} suffix={o.acronym ? ` (${o.acronym})` : undefined} />
                      </Link>
                    </th>
                    <td>{t(`organizations.kinds.${o.kind}`)}</td>
                    <td>{localized(o.countryName, lang)}</td>
                    <td>{localized(o.parentName, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p role="status">{q ? t("organizations.noMatch", { q }) : t("organizations.none")}</p>
      )}
    </div>
  );
}

export const handle = peoplePage;
