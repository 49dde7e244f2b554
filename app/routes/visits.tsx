import { Link } from "react-router";
import type { Route } from "./+types/visits";
import { Pager } from "../components/pager";
import { Badge } from "../components/status-badge";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { placeName } from "../lib/localized";
import { titled } from "../lib/meta";
import { sourcedRange } from "../lib/sourced-date";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { visitLists, type VisitList } from "../forms/visit";
import { listVisits } from "../models/visit-list.server";
import "../styles/visits.css";
import { ExampleBadge } from "../components/example-badge";
import { ListText } from "../components/shown-text";

export const handle = visitsPage;

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const url = new URL(request.url);
  const asked = url.searchParams.get("list");
  const list: VisitList = visitLists.includes(asked as VisitList) ? (asked as VisitList) : "upcoming";
  const pageAsked = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageAsked) && pageAsked >= 1 && pageAsked <= 10_000 ? pageAsked : 1;
  const result = await listVisits(db, { list, page });
  return { ...result, list, page, canEdit: hasRole(user, "editor"), title: getI18n(context).t("visits.listTitle") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Visits({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { visits, list, page, pages, canEdit } = loaderData;
  const href = (l: VisitList, p = 1) => `/visits?list=${l}${p > 1 ? `&page=${p}` : ""}`;
  return (
    <div className="page">
      <div className="activity-page__header">
        <h1>{t("visits.listTitle")}</h1>
        {canEdit ? (
          <Link to="/visits/new" className="button">
            {t("visits.new")}
          </Link>
        ) : null}
      </div>
      <nav aria-label={t("visits.listsLabel")}>
        <ul className="plain visit-page__links">
          {visitLists.map((l) => (
            <li key={l}>
              <Link to={href(l)} aria-current={l === list ? "page" : undefined}>
                {t(`visits.${l}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="visits-list-title">{t(`visits.${list}`)}</h2>
      {visits.length ? (
        <TableScroll labelledBy="visits-list-title">
          <table className="table visit-list">
            <thead>
              <tr>
                <th scope="col">{t("visits.columns.visit")}</th>
                <th scope="col">{t("visits.columns.when")}</th>
                <th scope="col">{t("visits.columns.place")}</th>
                <th scope="col">{t("visits.columns.direction")}</th>
                <th scope="col">{t("visits.columns.stage")}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => {
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={v.hasVisit ? `/visits/${v.id}` : `/activities/${v.id}`}>
                        <ListText text={v.title} />
                      </Link>
                      <ExampleBadge example={v.example} />
                    </th>
                    <td>{sourcedRange(format, t, v, "visits.range")}</td>
                    <td>{placeName(v.city, v.countryName, lang)}</td>
                    <td>{v.direction ? t(`visits.directions.${v.direction}`) : ""}</td>
                    <td>
                      {v.stage ? (
                        <Badge value={v.stage} label={t(`visits.stages.${v.stage}`)} />
                      ) : (
                        <span className="muted">{t("visits.noStage")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("visits.none")}</p>
      )}
      {pages > 1 ? (
        <Pager
          label={t("visits.pagerLabel")}
          previous={page > 1 ? href(list, page - 1) : undefined}
          next={page < pages ? href(list, page + 1) : undefined}
        >
          {t("pager.page", { page, pages })}
        </Pager>
      ) : null}
    </div>
  );
}
