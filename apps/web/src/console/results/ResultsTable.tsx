import type { AssessmentResults, ResultRow } from '@assay/contracts';
import {
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  globalFilteringFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { navigate } from '../../router.ts';
import { formatDuration, formatScore } from '../ui/format.ts';
import { DecisionBadge, formatWhen, StatusBadge } from './resultLabels.tsx';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  filterFns: { equalsString: filterFn_equalsString },
});

const column = createColumnHelper<typeof features, ResultRow>();
const ROW_HEIGHT = 52;
/** Missing values (not started, no score; accessors give undefined for null) sort last either way. */
const LAST = 'last' as const;

/** Name or email contains the search, ignoring case. */
const matchesSearch = (row: { original: ResultRow }, _columnId: string, search: unknown) => {
  const q = String(search ?? '')
    .trim()
    .toLowerCase();
  return q === '' || row.original.name.toLowerCase().includes(q) || row.original.email.toLowerCase().includes(q);
};

interface Hover {
  row: ResultRow;
  x: number;
  y: number;
}

/**
 * [W34] Every attempt of the assessment in one table: sorted, filtered and searched in the browser, and
 * virtualized (only the rows in view are in the page), so 10,000 attempts scroll like 10.
 */
export function ResultsTable({ results }: { results: AssessmentResults }) {
  const { tasks } = results;
  const maxScore = results.aggregates.maxScore;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [hover, setHover] = useState<Hover | null>(null);

  const columns = column.columns([
    column.accessor('name', {
      header: 'Candidate',
      sortFn: 'alphanumeric',
      cell: (info) => (
        <div className="cell-candidate">
          <span className="cell-name">{info.getValue()}</span>
          <span className="muted small">{info.row.original.email}</span>
        </div>
      ),
    }),
    column.accessor('status', {
      header: 'Status',
      filterFn: 'equalsString',
      sortFn: 'alphanumeric',
      cell: (info) => <StatusBadge status={info.getValue()} />,
    }),
    column.accessor((row) => row.score ?? undefined, {
      id: 'score',
      header: 'Score',
      sortFn: 'basic',
      sortUndefined: LAST,
      cell: (info) => (
        <button
          type="button"
          className="score-cell"
          onMouseEnter={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setHover({ row: info.row.original, x: box.left, y: box.bottom });
          }}
          onMouseLeave={() => setHover(null)}
          onFocus={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setHover({ row: info.row.original, x: box.left, y: box.bottom });
          }}
          onBlur={() => setHover(null)}
          aria-label={`Score ${formatScore(info.getValue())} of ${maxScore}: per-task breakdown`}
        >
          <strong>{formatScore(info.getValue())}</strong>
          <span className="muted"> / {maxScore}</span>
        </button>
      ),
    }),
    column.accessor((row) => row.timeMs ?? undefined, {
      id: 'timeMs',
      header: 'Time used',
      sortFn: 'basic',
      sortUndefined: LAST,
      cell: (info) => formatDuration(info.getValue()),
    }),
    column.accessor('flags', {
      header: 'Flags',
      sortFn: 'basic',
      cell: (info) =>
        info.getValue() > 0 ? (
          <span className="badge badge-warn" title="Tab switches, window blurs, fullscreen exits, pastes from outside">
            {info.getValue()}
          </span>
        ) : (
          <span className="muted">0</span>
        ),
    }),
    column.accessor('submissions', { header: 'Submits', sortFn: 'basic', cell: (info) => info.getValue() }),
    column.accessor('decision', {
      header: 'Decision',
      filterFn: 'equalsString',
      sortFn: 'alphanumeric',
      cell: (info) => <DecisionBadge decision={info.getValue()} />,
    }),
    column.accessor((row) => row.finishedAt ?? undefined, {
      id: 'finishedAt',
      header: 'Finished',
      sortFn: 'alphanumeric',
      sortUndefined: LAST,
      cell: (info) => <span className="muted">{formatWhen(info.getValue())}</span>,
    }),
  ]);

  const table = useTable({
    features,
    columns,
    data: results.rows,
    getRowId: (row: ResultRow) => row.id,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: matchesSearch,
  });

  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const filterOf = (id: string) => String(columnFilters.find((f) => f.id === id)?.value ?? '');
  const setFilter = (id: string, value: string) =>
    setColumnFilters((filters) => [...filters.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);

  return (
    <div className="results-table-wrap">
      <div className="toolbar results-toolbar">
        <input
          className="input results-search"
          type="search"
          placeholder="Search name or email"
          aria-label="Search candidates"
          value={globalFilter}
          maxLength={200}
          onChange={(event) => setGlobalFilter(event.target.value)}
        />
        <select
          className="input"
          aria-label="Status"
          value={filterOf('status')}
          onChange={(event) => setFilter('status', event.target.value)}
        >
          <option value="">Every status</option>
          <option value="finished">Finished</option>
          <option value="in_progress">In progress</option>
          <option value="not_started">Not started</option>
        </select>
        <select
          className="input"
          aria-label="Decision"
          value={filterOf('decision')}
          onChange={(event) => setFilter('decision', event.target.value)}
        >
          <option value="">Every decision</option>
          <option value="undecided">Undecided</option>
          <option value="advance">Advance</option>
          <option value="reject">Reject</option>
        </select>
        <span className="muted small results-count" data-testid="results-count">
          {rows.length === results.rows.length
            ? `${results.rows.length.toLocaleString()} attempt${results.rows.length === 1 ? '' : 's'}`
            : `${rows.length.toLocaleString()} of ${results.rows.length.toLocaleString()} attempts`}
        </span>
      </div>
      {rows.length === 0 ? (
        <div className="empty-state results-empty" data-testid="results-empty">
          <p className="muted">
            {results.rows.length === 0
              ? 'No one has been invited yet: invite candidates from the assessment page, and their attempts appear here.'
              : 'No attempt matches: clear the search or the filters.'}
          </p>
        </div>
      ) : (
        <div ref={scroller} className="results-scroll" data-testid="results-body">
          <table className="results-grid" aria-label="Attempts" aria-rowcount={rows.length + 1}>
            <thead>
              <tr className="results-row results-head">
                {table.getHeaderGroups()[0]?.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      className={`results-cell col-${header.column.id}`}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const open = () => navigate(`/admin/attempts/${row.id}`);
                return (
                  <tr
                    key={row.id}
                    tabIndex={0}
                    aria-rowindex={item.index + 2}
                    className="results-row results-item"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={open}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') open();
                    }}
                  >
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id} className={`results-cell col-${cell.column.id}`}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hover && (
        <div className="score-popover" role="tooltip" style={{ left: hover.x, top: hover.y + 6 }}>
          <div className="score-popover-title">Per task</div>
          {tasks.map((task, i) => (
            <div key={task.position} className="score-popover-line">
              <span>
                {i + 1}. {task.title}
              </span>
              <span className="num">
                {formatScore(hover.row.earned[i] ?? 0)} / {task.points}
                <span className="muted"> · {formatDuration(hover.row.taskMs[i] ?? 0)}</span>
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
