import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type CellContext,
  type Header,
} from "@tanstack/react-table";
import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { TFunction } from "../i18n/translator";
import { activityQueryString, type ActivityQuery, type ActivitySortKey } from "../lib/activity-query";
import type { Formatter } from "../lib/format";
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

/** What every cell reads, given once to the table rather than through a context per cell. */
interface CellMeta {
  labels: ActivityTableLabels;
  format: Formatter;
}

// Module scope, as TanStack Table v9 wants: features and columns are built once, not per render.
// Core plus sorting only: the database sorts and pages (the pager is links of its own), and the
// table is told the sort it is showing.
const features = tableFeatures({ rowSortingFeature, tableMeta: {} as CellMeta });
const column = createColumnHelper<typeof features, ActivityTableRow>();
type Cell = CellContext<typeof features, ActivityTableRow, unknown>;
const meta = (cell: Cell) => cell.table.options.meta!;

// Dates start with the newest, the agreement with the latest made; words start from A.
const columns = column.columns([
  column.accessor("startsAt", {
    sortDescFirst: true,
    cell: (c) => (
      <time dateTime={new Date(c.getValue()).toISOString()}>
        {meta(c).format.when(c.getValue(), c.row.original.allDay)}
      </time>
    ),
  }),
  column.accessor("title", { cell: (c) => <Link to={`/activities/${c.row.original.id}`}>{c.getValue()}</Link> }),
  column.accessor("type", { cell: (c) => meta(c).labels.type[c.getValue()] ?? c.getValue() }),
  column.accessor("status", {
    cell: (c) => <Badge value={c.getValue()} label={meta(c).labels.status[c.getValue()] ?? c.getValue()} />,
  }),
  column.accessor("place", { cell: (c) => c.getValue() }),
  column.accessor("agreementId", {
    id: "agreement",
    sortDescFirst: true,
    cell: (c) => (c.getValue() ? <Link to={`/agreements/${c.getValue()}`}>{c.row.original.agreement}</Link> : null),
  }),
]);

/**
 * The activities table. The database sorts and pages (manual sorting); the table
 * is told the sort from the URL, and its headers are links to the URL of the next sort, so
 * everything works without JavaScript. Cells are plain functions called here, not components:
 * the server renders 150 of them on every view of the list.
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
  const table = useTable(
    {
      features,
      columns,
      data: rows,
      manualSorting: true,
      enableSortingRemoval: false,
      // Words start from A whatever the rows hold; the columns that start descending say so.
      sortDescFirst: false,
      meta: { labels, format },
      state: { sorting: [{ id: query.sort, desc: query.dir === "desc" }] },
    },
    // The state comes from the URL and changes with this component's props: nothing to subscribe to.
    () => null,
  );
  const sortedColumn = t(`activityList.columns.${query.sort}`);
  const sortedWay = t(query.dir === "asc" ? "activityList.sortedAscending" : "activityList.sortedDescending");

  return (
    <TableScroll labelledBy="activity-table-caption">
      <table className="table activity-table">
        <caption id="activity-table-caption" className="visually-hidden">
          {t("activityList.caption", { sorted: `${sortedColumn}, ${sortedWay}` })}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} query={query} t={t} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => {
                const content = (cell.column.columnDef.cell as (c: Cell) => React.ReactNode)(cell.getContext());
                // The title names the row for screen readers.
                return cell.column.id === "title" ? (
                  <th key={cell.id} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={cell.id}>{content}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SortableHeader({
  header,
  query,
  t,
}: {
  header: Header<typeof features, ActivityTableRow, unknown>;
  query: ActivityQuery;
  t: TFunction;
}) {
  const id = header.column.id as ActivitySortKey;
  const sorted = header.column.getIsSorted();
  const next = sorted ? (sorted === "asc" ? "desc" : "asc") : header.column.getFirstSortDir();
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
