import { z } from "zod";
import { Form, Link } from "react-router";
import type { Route } from "./+types/cases";
import { Pager } from "../components/pager";
import { Badge, StatusBadge } from "../components/status-badge";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { caseStatuses } from "../lib/enums";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { casePageSize, caseSorts } from "../lib/case-list";
import { listStaffCases } from "../models/case-queries.server";
import { casesPage } from "../i18n/packs";
import { ListText } from "../components/shown-text";

// A query the list does not know reads as the whole list, never a fault.
const query = z.object({
  status: z.enum(caseStatuses).optional().catch(undefined),
  sort: z.enum(caseSorts).catch("updated"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const params = new URL(request.url).searchParams;
  const { status, sort, page } = query.parse({
    status: params.get("status") || undefined,
    sort: params.get("sort") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  const { cases, total } = await listStaffCases(db, { status, sort, page });
  return {
    cases,
    total,
    status: status ?? "",
    sort,
    page,
    pages: Math.max(1, Math.ceil(total / casePageSize)),
    canEdit: hasRole(user, "editor"),
    title: getI18n(context).t("caseEditor.listTitle"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Cases({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { cases, status, sort, page, pages, canEdit, total } = loaderData;
  const pageLink = (p: number) => {
    const q = new URLSearchParams();
    if (status) q.set("status", status);
    if (sort !== "updated") q.set("sort", sort);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/cases?${s}` : "/cases";
  };
  return (
    <div className="page">
      <div className="page-heading">
        <h1 id="cases-title">{t("caseEditor.listTitle")}</h1>
        {canEdit ? (
          <Link to="/cases/new" className="button">
            {t("caseEditor.newCase")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="activity-form__row case-filter" aria-label={t("caseEditor.filter.legend")}>
        <div className="field">
          <label htmlFor="case-status">{t("caseEditor.filter.status")}</label>
          <select id="case-status" name="status" defaultValue={status}>
            <option value="">{t("caseEditor.filter.all")}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-sort">{t("caseEditor.filter.sort")}</label>
          <select id="case-sort" name="sort" defaultValue={sort}>
            <option value="updated">{t("caseEditor.filter.updated")}</option>
            <option value="title">{t("caseEditor.filter.title")}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t("caseEditor.filter.apply")}
          </button>
        </div>
      </Form>
      <p className="muted" role="status">
        {t("caseEditor.count", { count: total })}
      </p>
      {cases.length ? (
        <TableScroll labelledBy="cases-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("caseEditor.columns.case")}</th>
                <th scope="col">{t("caseEditor.columns.status")}</th>
                <th scope="col">{t("caseEditor.columns.country")}</th>
                <th scope="col">{t("caseEditor.columns.sector")}</th>
                <th scope="col">{t("caseEditor.columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/cases/${c.id}`}>
                      <ListText text={c.title} />
                    </Link>
                  </th>
                  <td>
                    <StatusBadge group="caseStatus" value={c.status} />
                    {c.revisionPending ? (
                      <>
                        {" "}
                        <Badge value="revision" label={t("caseEditor.revisionPending")} />
                      </>
                    ) : null}
                  </td>
                  <td>{localized(c.countryName, lang)}</td>
                  <td>{t(`caseSector.${c.sector}` as "caseSector.health", { defaultValue: c.sector })}</td>
                  <td>
                    <time dateTime={new Date(c.updatedAt).toISOString()}>{format.dateTime(c.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("caseEditor.none")}</p>
      )}
      {pages > 1 ? (
        <Pager
          label={t("caseEditor.pager")}
          previous={page > 1 ? pageLink(page - 1) : undefined}
          next={page < pages ? pageLink(page + 1) : undefined}
        >
          {t("pager.page", { page, pages })}
        </Pager>
      ) : null}
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = casesPage;
