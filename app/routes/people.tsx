import { z } from "zod";
import { Form, Link } from "react-router";
import type { Route } from "./+types/people";
import { Pager } from "../components/pager";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { peoplePage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { listPeople, peoplePageSize } from "../models/people-queries.server";
import { ExampleBadge } from "../components/example-badge";

// A query the list does not know reads as the whole list, never a fault.
const query = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const params = new URL(request.url).searchParams;
  const { q, page } = query.parse({ q: params.get("q") ?? "", page: params.get("page") ?? undefined });
  const today = calendarToday(viewerTimeZone(request, user));
  const { people, total } = await listPeople(db, { q: q || undefined, page, today });
  return {
    people,
    total,
    q,
    page,
    pageSize: peoplePageSize,
    pages: Math.max(1, Math.ceil(total / peoplePageSize)),
    canEdit: hasRole(user, "editor"),
    title: getI18n(context).t("people.title"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function People({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { people, total, q, page, pageSize, pages, canEdit } = loaderData;
  const pageLink = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `/people?${s}` : "/people";
  };
  const from = (page - 1) * pageSize + 1;
  return (
    <div className="page">
      <div className="page-heading">
        <h1 id="people-title">{t("people.title")}</h1>
        {canEdit ? (
          <Link to="/people/new" className="button">
            {t("people.newPerson")}
          </Link>
        ) : null}
      </div>
      <Form method="get" role="search" className="activity-form__row" aria-label={t("people.search")}>
        <div className="field">
          <label htmlFor="people-q">{t("people.search")}</label>
          <p id="people-q-hint" className="hint">
            {t("people.searchHint")}
          </p>
          <input
            id="people-q"
            name="q"
            type="search"
            maxLength={200}
            defaultValue={q}
            aria-describedby="people-q-hint"
          />
        </div>
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t("people.searchButton")}
          </button>
          {q ? (
            <>
              {" "}
              <Link to="/people">{t("people.clearSearch")}</Link>
            </>
          ) : null}
        </div>
      </Form>
      {people.length ? (
        <>
          <p className="muted" role="status">
            {t("people.showing", { from, to: from + people.length - 1, total })}
          </p>
          <TableScroll labelledBy="people-title">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("people.columns.name")}</th>
                  <th scope="col">{t("people.columns.position")}</th>
                  <th scope="col">{t("people.columns.organization")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/people/${p.id}`}>{p.name}</Link>
                      <ExampleBadge example={p.example} />
                    </th>
                    <td>{localized(p.title, lang)}</td>
                    <td>{p.acronym ?? localized(p.organization, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p role="status">{q ? t("people.noMatch", { q }) : t("people.none")}</p>
      )}
      {pages > 1 ? (
        <Pager
          label={t("people.pages")}
          previous={page > 1 ? pageLink(page - 1) : undefined}
          next={page < pages ? pageLink(page + 1) : undefined}
        >
          {t("pager.page", { page, pages })}
        </Pager>
      ) : null}
    </div>
  );
}

export const handle = peoplePage;
