import {
  createColumnHelper,
  flexRender,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Header,
} from "@tanstack/react-table";
import { createContext, useContext, useMemo } from "react";
import { useTranslation } from "../i18n/translation";
import { TableScroll } from "./table-scroll";
import type { TFunction } from "../i18n/translator";
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

// Each cell is one small component (flexRender renders a function as a component, so it may use
// the context); a page renders 150 of them.
const columns = column.columns([
  column.accessor("startsAt", {
    sortDescFirst: true,
    cell: function DateCell({ row: { original: a } }) {
      const { format } = useCell();
      return <time dateTime={new Date(a.startsAt).toISOString()}>{format.when(a.startsAt, a.allDay)}</time>;
    },
  }),
  column.accessor("title", { cell: ({ row: { original: a } }) => <Link to={`/activities/${a.id}`}>{a.title}</Link> }),
  column.accessor("type", {
    cell: function TypeCell({ getValue }) {
      return <>{useCell().labels.type[getValue()] ?? getValue()}</>;
    },
  }),
  column.accessor("status", {
    cell: function StatusCell({ getValue }) {
      return <Badge value={getValue()} label={useCell().labels.status[getValue()] ?? getValue()} />;
    },
  }),
  column.accessor("place", { cell: ({ getValue }) => getValue() }),
  column.accessor("agreementId", {
    id: "agreement",
    cell: ({ row: { original: a } }) =>
      a.agreementId ? <Link to={`/agreements/${a.agreementId}`}>{a.agreement}</Link> : null,
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
              <tr key={row.original.id}>
                {row.getAllCells().map((cell) =>
                  cell.column.id === "title" ? (
                    <th scope="row" key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
