import { Form, Link } from "react-router";
import type { Route } from "./+types/enquiries";
import { Pager } from "../components/pager";
import { StatusBadge } from "../components/status-badge";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { enquiryStatuses } from "../lib/enums";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { parseStatusListQuery, statusListSearch } from "../lib/status-list-query";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { enquiryPageSize, listEnquiries } from "../models/enquiry-queries.server";
import "../styles/enquiries.css";
import { libraryPage } from "../i18n/packs";

/** Partners' requests, for editors and admins (who asked is personal data: viewers get 403). */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const query = parseStatusListQuery(new URL(request.url).searchParams, enquiryStatuses);
  const { rows, total } = await listEnquiries(db, query);
  const pages = Math.max(1, Math.ceil(total / enquiryPageSize));
  return { rows, total, pages, query, title: getI18n(context).t("enquiries.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Enquiries({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { rows, total, pages, query } = loaderData;
  return (
    <div className="page">
      <h1 id="enquiries-title">{t("enquiries.title")}</h1>
      <p>{t("enquiries.intro")}</p>

      <Form method="get" className="enquiry-filter">
        <div className="field">
          <label htmlFor="enquiry-status">{t("enquiries.list.status")}</label>
          <select id="enquiry-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("enquiries.list.all")}</option>
            {enquiryStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`enquiryStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--quiet">
          {t("enquiries.list.show")}
        </button>
      </Form>

      <p role="status">{t("enquiries.list.count", { count: total })}</p>
      {rows.length ? (
        <TableScroll labelledBy="enquiries-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("enquiries.list.from")}</th>
                <th scope="col">{t("enquiries.list.case")}</th>
                <th scope="col">{t("enquiries.list.status")}</th>
                <th scope="col">{t("enquiries.list.received")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/enquiries/${e.id}`}>{e.name}</Link>
                    <br />
                    <span className="muted">
                      {e.organization}, {e.country}
                    </span>
                  </th>
                  <td>{e.caseTitle ? localized(e.caseTitle, lang) : t("enquiries.detail.noCase")}</td>
                  <td>
                    <StatusBadge group="enquiryStatus" value={e.status} />
                  </td>
                  <td>{format.dateTime(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("enquiries.list.empty")}</p>
      )}
      {pages > 1 ? (
        <Pager
          label={t("enquiries.list.pages")}
          previous={query.page > 1 ? statusListSearch({ ...query, page: query.page - 1 }) : undefined}
          next={query.page < pages ? statusListSearch({ ...query, page: query.page + 1 }) : undefined}
        >
          {t("pager.page", { page: format.number(query.page), pages: format.number(pages) })}
        </Pager>
      ) : null}
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
