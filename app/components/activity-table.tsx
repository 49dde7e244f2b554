import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Header,
} from "@tanstack/react-table";
import { createContext, useContext, useMemo } from "react";
import { useTranslation } from "../i18n/translation";
import type { TFunction } from "i18next";
import { Link } from "react-router";
import { useFormatter } from "../lib/use-formatter";
import { activityQueryString, type ActivityQuery, type ActivitySortKey } from "../lib/activity-query";
import type { Formatter } from "../lib/format";
import { Badge } from "./status-badge";

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

// Module scope: TanStack Table v9 needs stable features and columns.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, ActivityTableRow>();

/** Labels for the coded columns, translated once per table rather than once per cell. */
export interface ActivityTableLabels {
  type: Record<string, string>;
  status: Record<string, string>;
}

// Cells read formats and labels from here rather than each subscribing to i18n and the root
// data: a page has 150 cells.
const CellContext = createContext<{ labels: ActivityTableLabels; format: Formatter } | null>(null);
const useCell = () => useContext(CellContext)!;

function DateCell({ row }: { row: ActivityTableRow }) {
  const { format } = useCell();
  return <time dateTime={new Date(row.startsAt).toISOString()}>{format.when(row.startsAt, row.allDay)}</time>;
}

function TypeCell({ value }: { value: string }) {
  return <>{useCell().labels.type[value] ?? value}</>;
}

function StatusCell({ value }: { value: string }) {
  return <Badge value={value} label={useCell().labels.status[value] ?? value} />;
}

const columns = column.columns([
  column.accessor("startsAt", { sortDescFirst: true, cell: ({ row }) => <DateCell row={row.original} /> }),
  column.accessor("title", { cell: ({ row }) => <Link to={`/activities/${row.original.id}`}>{row.original.title}</Link> }),
  column.accessor("type", { cell: ({ getValue }) => <TypeCell value={getValue()} /> }),
  column.accessor("status", { cell: ({ getValue }) => <StatusCell value={getValue()} /> }),
  column.accessor("place", { cell: ({ getValue }) => getValue() }),
  column.accessor("agreementId", {
    id: "agreement",
    cell: ({ row }) =>
      row.original.agreementId ? <Link to={`/agreements/${row.original.agreementId}`}>{row.original.agreement}</Link> : null,
  }),
]);

/**
 * The activities table. The database sorts and pages; the table is told its state, and its
 * headers and pager are links to the URL of the next state, so everything works without JavaScript.
 */
export function ActivityTable({
  rows,
  labels,
  total,
  pageSize,
  query,
}: {
  rows: ActivityTableRow[];
  labels: ActivityTableLabels;
  total: number;
  pageSize: number;
  query: ActivityQuery;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const cellContext = useMemo(() => ({ labels, format }), [labels, format]);
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    // -1: more rows than were counted, so the page count is unknown.
    ...(total < 0 ? { pageCount: -1 } : { rowCount: total }),
    state: {
      sorting: [{ id: query.sort, desc: query.dir === "desc" }],
      pagination: { pageIndex: query.page - 1, pageSize },
    },
  });
  const sortedColumn = t(`activityList.columns.${query.sort}`);
  const sortedWay = t(query.dir === "asc" ? "activityList.sortedAscending" : "activityList.sortedDescending");

  return (
    <CellContext.Provider value={cellContext}>
    <table className="table activity-table">
      <caption className="visually-hidden">
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
          <tr key={row.original.id}>
            {row.getAllCells().map((cell) =>
              cell.column.id === "title" ? (
                <th scope="row" key={cell.id}>
                  <table.FlexRender cell={cell} />
                </th>
              ) : (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </CellContext.Provider>
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
  const next = sorted ? (sorted === "asc" ? "desc" : "asc") : header.column.getNextSortingOrder() || "asc";
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
