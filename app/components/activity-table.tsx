import { useRef, type ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { TFunction } from "../i18n/translator";
import { activityQueryString, type ActivityQuery, type ActivitySortKey } from "../lib/activity-query";
import type { Formatter } from "../lib/format";
import { sourcedDate, type SourcedDate } from "../lib/sourced-date";
import { useFormatter } from "../lib/use-formatter";
import { usePlainLinks } from "../lib/use-plain-links";
import type { Language } from "../i18n/config";
import { ExampleBadge } from "./example-badge";
import { ListString } from "./shown-text";
import { Badge } from "./status-badge";
import { TableScroll } from "./table-scroll";

/** What a row of the table shows, already in the reader's language (the loader localizes). */
export interface ActivityTableRow extends SourcedDate {
  id: number;
  title: string;
  /** The title's language where it is not the reader's (it has no text in theirs). */
  titleLanguage?: Language;
  type: string;
  status: string;
  startsAt: Date;
  place: string;
  agreementId: number | null;
  agreement: string;
  example: boolean;
}

/** Labels for the coded columns, translated once per table rather than once per cell. */
export interface ActivityTableLabels {
  type: Record<string, string>;
  status: Record<string, string>;
}

interface Column {
  id: ActivitySortKey;
  /** Dates start with the newest, the agreement with the latest made; words start from A. */
  firstDir: "asc" | "desc";
  cell(row: ActivityTableRow, labels: ActivityTableLabels, format: Formatter, t: TFunction): ReactNode;
}

// The title is the row's header cell (rendered as <th>), which names the row for screen readers.
// Links are plain <a>, followed in the app by usePlainLinks: fifty <Link>s cost every render.
const columns: Column[] = [
  {
    id: "startsAt",
    firstDir: "desc",
    cell: (r, _, format, t) => <time dateTime={new Date(r.startsAt).toISOString()}>{sourcedDate(format, t, r)}</time>,
  },
  {
    id: "title",
    firstDir: "asc",
    cell: (r) => (
      <>
        <a href={`/activities/${r.id}`}>
          {r.titleLanguage ? <ListString value={r.title} language={r.titleLanguage} /> : r.title}
        </a>
        <ExampleBadge example={r.example} />
      </>
    ),
  },
  { id: "type", firstDir: "asc", cell: (r, labels) => labels.type[r.type] ?? r.type },
  {
    id: "status",
    firstDir: "asc",
    cell: (r, labels) => <Badge value={r.status} label={labels.status[r.status] ?? r.status} />,
  },
  { id: "place", firstDir: "asc", cell: (r) => r.place },
  {
    id: "agreement",
    firstDir: "desc",
    cell: (r) => (r.agreementId ? <a href={`/agreements/${r.agreementId}`}>{r.agreement}</a> : null),
  },
];

/**
 * The activities table. The database sorts and pages; the headers are links to the URL of the
 * next sort, so everything works without JavaScript. Plain React, not TanStack Table: with sorting
 * and paging in the database it did nothing a loop does not, at seven times the render cost
 * (docs/decisions/0013-plain-tables.md).
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
  const body = useRef<HTMLTableSectionElement>(null);
  usePlainLinks(body);
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
            {columns.map((column) => (
              <SortableHeader key={column.id} column={column} query={query} t={t} />
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) =>
                column.id === "title" ? (
                  <th key={column.id} scope="row">
                    {column.cell(row, labels, format, t)}
                  </th>
                ) : (
                  <td key={column.id}>{column.cell(row, labels, format, t)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SortableHeader({ column, query, t }: { column: Column; query: ActivityQuery; t: TFunction }) {
  const sorted = query.sort === column.id ? query.dir : undefined;
  const next = sorted ? (sorted === "asc" ? "desc" : "asc") : column.firstDir;
  const label = t(`activityList.columns.${column.id}`);
  return (
    <th scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
      <Link
        to={activityQueryString(query, { sort: column.id, dir: next, page: 1 }) || "?"}
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
