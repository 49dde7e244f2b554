import { useMemo } from "react";
import { useTranslation } from "../i18n/translation";
import { Form, Link } from "react-router";
import type { Route } from "./+types/activities";
import { activityStatuses, activityTypes } from "../lib/enums";
import { Pager } from "../components/pager";
import { ActivityTable, type ActivityTableLabels, type ActivityTableRow } from "../components/activity-table";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { activityQueryString } from "../lib/activity-query";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized, placeName } from "../lib/localized";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter } from "../lib/use-formatter";
import { httpCache, requestDataVersion } from "../lib/http-cache.server";
import { activityFilterOptions } from "../models/activity-filter-options.server";
import { parseActivityQuery } from "../models/activity-query.server";
import { searchActivities } from "../models/activity-search.server";
import { activitiesPage } from "../i18n/packs";
import "../styles/filters.css";
import "../styles/activity-list.css";

// Viewed again and again between changes: a repeat view is answered 304 (lib/http-cache.server.ts).
export const middleware: Route.MiddlewareFunction[] = [httpCache()];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const query = parseActivityQuery(new URL(request.url).searchParams);
  const lang = getLanguage(context);
  const [{ rows, ...page }, options] = await Promise.all([
    searchActivities(db, query, { lang, timeZone: viewerTimeZone(request, user) }),
    activityFilterOptions(db, query, requestDataVersion(context)),
  ]);
  // Only what the page shows, in the reader's language: every field is serialized into the page.
  return {
    ...page,
    rows: rows.map((r): ActivityTableRow => ({
      id: r.id,
      title: r.title,
      // Sent only for a row shown in another language than the reader's, to be marked.
      titleLanguage: r.titleLanguage === lang ? undefined : r.titleLanguage,
      type: r.type,
      status: r.status,
      startsAt: r.startsAt,
      allDay: r.allDay,
      datePrecision: r.datePrecision,
      dateApproximate: r.dateApproximate,
      place: placeName(r.city, r.countryName, lang),
      agreementId: r.agreementId,
      agreement: r.agreementTitle ?? "",
      example: r.example,
    })),
    query,
    options: {
      countries: options.countries.map((c) => ({ value: c.code, label: localized(c.name, lang) })),
      agreements: options.agreements.map((a) => ({ value: a.id, label: localized(a.title, lang) })),
      commitments: options.commitments.map((c) => ({ value: c.id, label: localized(c.text, lang).slice(0, 90) })),
    },
    canEdit: hasRole(user, "editor"),
    title: getI18n(context).t("activityList.title"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = activitiesPage;

export default function Activities({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const labels = useMemo<ActivityTableLabels>(
    () => ({
      type: Object.fromEntries(activityTypes.map((v) => [v, t(`activityType.${v}`)])),
      status: Object.fromEntries(activityStatuses.map((v) => [v, t(`activityStatus.${v}`)])),
    }),
    [t],
  );
  const { rows, total, capped, pageSize, query, options, canEdit } = loaderData;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = capped ? rows.length === pageSize : query.page < pages;
  const first = (query.page - 1) * pageSize + 1;
  const last = first + rows.length - 1;
  const exportQuery = activityQueryString(query, { page: 1 });

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t("activityList.title")}</h1>
        {canEdit ? (
          <Link to="/activities/new" className="button">
            {t("activityList.newActivity")}
          </Link>
        ) : null}
      </div>

      <Form method="get" className="filters" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("activityList.filters")}
        </h2>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field filters__search">
          <label htmlFor="q">{t("activityList.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} aria-describedby="q-hint" />
          <p id="q-hint" className="hint">
            {t("activityList.searchHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="type">{t("activityList.type")}</label>
          <select id="type" name="type" defaultValue={query.type[0] ?? ""}>
            <option value="">{t("activityList.any")}</option>
            {activityTypes.map((v) => (
              <option key={v} value={v}>
                {labels.type[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t("activityList.status")}</label>
          <select id="status" name="status" defaultValue={query.status[0] ?? ""}>
            <option value="">{t("activityList.any")}</option>
            {activityStatuses.map((v) => (
              <option key={v} value={v}>
                {labels.status[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="country">{t("activityList.country")}</label>
          <select id="country" name="country" defaultValue={query.country ?? ""}>
            <option value="">{t("activityList.any")}</option>
            {options.countries.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreement">{t("activityList.agreement")}</label>
          <select id="agreement" name="agreement" defaultValue={query.agreement ?? ""}>
            <option value="">{t("activityList.any")}</option>
            {options.agreements.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="commitment">{t("activityList.commitment")}</label>
          <select
            id="commitment"
            name="commitment"
            defaultValue={query.commitment ?? ""}
            aria-describedby={options.commitments.length ? undefined : "commitment-hint"}
          >
            <option value="">{t("activityList.any")}</option>
            {options.commitments.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {options.commitments.length ? null : (
            <p id="commitment-hint" className="hint">
              {t("activityList.commitmentHint")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="from">{t("activityList.from")}</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("activityList.to")}</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("activityList.apply")}
          </button>
          <Link to="/activities" className="button button--secondary">
            {t("activityList.clear")}
          </Link>
        </div>
      </Form>

      <p role="status" className="muted">
        {rows.length
          ? t(capped ? "activityList.showingMany" : "activityList.showing", {
              from: format.number(first),
              to: format.number(last),
              total: format.number(total),
            })
          : t("activityList.none")}
      </p>

      {total ? (
        <>
          <ActivityTable rows={rows} labels={labels} query={query} />
          {pages > 1 || hasNext ? (
            <Pager
              label={t("activityList.pagination")}
              previous={query.page > 1 ? activityQueryString(query, { page: query.page - 1 }) || "?" : undefined}
              next={hasNext ? activityQueryString(query, { page: query.page + 1 }) : undefined}
            >
              {capped
                ? t("pager.pageOnly", { page: format.number(query.page) })
                : t("pager.page", { page: format.number(query.page), pages: format.number(pages) })}
            </Pager>
          ) : null}
        </>
      ) : null}

      <section aria-labelledby="exports-title" className="exports">
        <h2 id="exports-title">{t("activityList.exports")}</h2>
        <ul className="plain">
          <li>
            <a href={`/activities.csv${exportQuery}`} download>
              {t("activityList.csv")}
            </a>
          </li>
          <li>
            <a href={`/activities.ics${exportQuery}`}>{t("activityList.ics")}</a>
          </li>
          <li>
            <Link to="/account#calendar">{t("activityList.subscribe")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
