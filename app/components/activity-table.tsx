import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { TFunction } from "../i18n/translator";
import { activityQueryString, activitySortKeys, type ActivityQuery, type ActivitySortKey } from "../lib/activity-query";
import { useFormatter } from "../lib/use-formatter";
import { Badge } from "./status-badge";
import { TableScroll } from "./table-scroll";

/** What a row of the table shows, already in the reader's language (the loader localizes). */
export interface ActivityTableRow {
  id: number;
  title: string;
  type: string;
  status: string;
  startsAt: Date;
  allDay: boolean;
  place: string;
  agreementId: number | null;
  agreement: string;
}

/** Labels for the coded columns, translated once per table rather than once per cell. */
export interface ActivityTableLabels {
  type: Record<string, string>;
  status: Record<string, string>;
}

/** The columns in order, each sorted by its own key. */
const columns = activitySortKeys;

/** Dates start with the newest, the agreement with the latest made; words start from A. */
const descendingFirst = new Set<ActivitySortKey>(["startsAt", "agreement"]);

/**
 * The activities table. The database sorts and pages; the headers are links to the URL of the
 * next sort, so everything works without JavaScript. Plain elements rather than a table library:
 * the server renders this on every view of the list, and 150 cells of a library's cell objects
 * cost more than the rest of the page.
 */
export function ActivityTable({
  rows,
  labels,
  query,
}: {
  rows: ActivityTableRow[];
  labels: ActivityTableLabels;
  query: ActivityQuery;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const sortedColumn = t(`activityList.columns.${query.sort}`);
  const sortedWay = t(query.dir === "asc" ? "activityList.sortedAscending" : "activityList.sortedDescending");

  return (
    <TableScroll labelledBy="activity-table-caption">
      <table className="table activity-table">
        <caption id="activity-table-caption" className="visually-hidden">
          {t("activityList.caption", { sorted: `${sortedColumn}, ${sortedWay}` })}
        </caption>
        <thead>
          <tr>
            {columns.map((id) => (
              <SortableHeader key={id} id={id} query={query} t={t} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <time dateTime={new Date(a.startsAt).toISOString()}>{format.when(a.startsAt, a.allDay)}</time>
              </td>
              <th scope="row">
                <Link to={`/activities/${a.id}`}>{a.title}</Link>
              </th>
              <td>{labels.type[a.type] ?? a.type}</td>
              <td>
                <Badge value={a.status} label={labels.status[a.status] ?? a.status} />
              </td>
              <td>{a.place}</td>
              <td>{a.agreementId ? <Link to={`/agreements/${a.agreementId}`}>{a.agreement}</Link> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SortableHeader({ id, query, t }: { id: ActivitySortKey; query: ActivityQuery; t: TFunction }) {
  const sorted = query.sort === id ? query.dir : undefined;
  const next = sorted ? (sorted === "asc" ? "desc" : "asc") : descendingFirst.has(id) ? "desc" : "asc";
  const label = t(`activityList.columns.${id}`);
  return (
    <th scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
      <Link
        to={activityQueryString(query, { sort: id, dir: next, page: 1 }) || "?"}
        className="sort-link"
        aria-label={t("activityList.sortBy", { column: label })}
        preventScrollReset
      >
        {label}
        <span aria-hidden="true" className="sort-indicator">
          {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
        </span>
      </Link>
    </th>
  );
}
