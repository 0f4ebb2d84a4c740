/**
 * The one grid of the app. The database does the paging, sorting and filtering; the grid only
 * describes what it wants (a ListQuery) and renders the page it gets back, virtualised.
 */
import { ClearOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  type ColumnDef,
  type ColumnSizingInfoState,
  flexRender,
  functionalUpdate,
  getCoreRowModel,
  type SortingState,
  type Updater,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Input, Pagination, Spin, Tooltip } from 'antd';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnSpec, Filter, ListQuery } from '../../../../shared/list';
import type { LiveTopic } from '../../../../shared/schemas/live-events';
import { toApiError } from '../../api/client';
import { ErrorBody } from '../ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useLiveRevision } from '../../lib/use-live';
import { ColumnSettings } from './ColumnSettings';
import { FilterChips } from './FilterChips';
import {
  canFilter,
  canSort,
  DEFAULT_WIDTH,
  defaultLayout,
  type GridLayout,
  MAX_WIDTH,
  MIN_WIDTH,
  PAGE_SIZES,
} from './grid-layout';
import { HeaderCell } from './HeaderCell';
import type { FetchPage, GridColumnDef, GridSort, GridView } from './types';
import { useGridLayout } from './use-grid-layout';
import { useGridPage } from './use-grid-page';
import './DataGrid.css';

export interface DataGridProps<Row, F extends string> {
  /** Names the saved layout: preference `grid.<gridId>` of the current user. */
  gridId: string;
  columns: readonly GridColumnDef<Row, F>[];
  /** The list's column whitelist: says which columns may be sorted and filtered. */
  specs: Record<F, ColumnSpec>;
  fetchPage: FetchPage<Row, F>;
  getRowId: (row: Row) => number | string;
  onRowOpen?: (row: Row) => void;
  /** Always sent, never shown (e.g. the subordinate units of one account). */
  fixedFilters?: readonly Filter[];
  /** Shown and changeable, set when the grid opens (a chart's drill-down, lib/drill-down.ts). */
  initialFilters?: readonly Filter[];
  defaultSort?: readonly GridSort<F>[];
  /** Change it to reload the current page (after a save or delete). */
  refreshKey?: unknown;
  /** Changes that reload the current page when they happen elsewhere (a colleague, another tab). */
  liveTopics?: readonly LiveTopic[];
  toolbarStart?: ReactNode;
  /** A function receives the current view, e.g. to export exactly what is shown. */
  toolbarEnd?: ReactNode | ((view: GridView<F>) => ReactNode);
  searchPlaceholder?: string;
  testId?: string;
}

const ROW_HEIGHT = 32;
const NO_SORT: readonly GridSort<never>[] = [];
const NO_FILTERS: readonly Filter[] = [];
const IDLE_SIZING: ColumnSizingInfoState = {
  startOffset: null,
  startSize: null,
  deltaOffset: null,
  deltaPercentage: null,
  isResizingColumn: false,
  columnSizingStart: [],
};

export function DataGrid<Row, F extends string>(props: DataGridProps<Row, F>) {
  const {
    gridId,
    columns,
    specs,
    fetchPage,
    getRowId,
    onRowOpen,
    fixedFilters = NO_FILTERS,
    defaultSort = NO_SORT,
    refreshKey,
    liveTopics,
    toolbarStart,
    toolbarEnd,
    searchPlaceholder,
    testId = 'data-grid',
  } = props;
  const t = useT();
  const { lang } = useLang();

  const [sizingInfo, setSizingInfo] = useState<ColumnSizingInfoState>(IDLE_SIZING);
  const {
    layout: savedLayout,
    updateLayout,
    resetLayout,
  } = useGridLayout({
    gridId,
    columns,
    specs,
    defaultSort,
    holdSave: sizingInfo.isResizingColumn !== false,
  });
  const layout: GridLayout<F> = savedLayout ?? defaultLayout(columns, defaultSort);

  // One filter per column at most, in the order they were set.
  const [filters, setFilters] = useState<Filter[]>(() => [...(props.initialFilters ?? [])]);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebounced(search.trim(), 250);

  // A new sort, filter, search or page size starts again at the first page.
  const basis = JSON.stringify([
    layout.sort,
    filters,
    debouncedSearch,
    layout.pageSize,
    fixedFilters,
  ]);
  const [page, setPage] = useState({ index: 0, basis });
  // After deletions the total may shrink below the page shown: fall back to the last page.
  const [lastPage, setLastPage] = useState(Number.MAX_SAFE_INTEGER);
  const pageIndex = Math.min(page.basis === basis ? page.index : 0, lastPage);

  const filtering = {
    sort: layout.sort,
    filters: [...fixedFilters, ...filters],
    search: debouncedSearch || undefined,
  };
  const query: ListQuery<F> | null = savedLayout
    ? { offset: pageIndex * layout.pageSize, limit: layout.pageSize, ...filtering }
    : null;
  const liveRevision = useLiveRevision(
    liveTopics ? (event) => liveTopics.includes(event.topic) : null,
  );
  const data = useGridPage(fetchPage, query, [refreshKey, liveRevision]);
  const knownLastPage = data.everLoaded
    ? Math.max(0, Math.ceil(data.total / layout.pageSize) - 1)
    : lastPage;
  if (knownLastPage !== lastPage && !data.loading) setLastPage(knownLastPage);

  const defs = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        // Values are never read client-side; an accessor only makes the column sortable.
        accessorFn: () => null,
        header: c.header,
        cell: (ctx) => c.cell(ctx.row.original),
        size: c.width ?? DEFAULT_WIDTH,
        minSize: MIN_WIDTH,
        maxSize: MAX_WIDTH,
        enableSorting: canSort(specs, c.id),
        sortDescFirst: false,
      })),
    [columns, specs],
  );

  const sorting: SortingState = layout.sort.map((s) => ({ id: s.field, desc: s.desc }));
  // TanStack's table instance is mutable by design, so React Compiler must not memoise this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<Row>({
    data: data.rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(getRowId(row)),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: data.total,
    enableMultiSort: true,
    enableSortingRemoval: true,
    maxMultiSortColCount: 5,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      columnVisibility: layout.visible,
      columnOrder: layout.order,
      columnSizing: layout.widths,
      columnSizingInfo: sizingInfo,
    },
    onSortingChange: (u: Updater<SortingState>) =>
      updateLayout((l) => ({
        ...l,
        sort: functionalUpdate(u, sorting).map((s) => ({ field: s.id as F, desc: s.desc })),
      })),
    onColumnSizingChange: (u) =>
      updateLayout((l) => ({ ...l, widths: functionalUpdate(u, l.widths) })),
    onColumnSizingInfoChange: (u) => setSizingInfo((s) => functionalUpdate(u, s)),
  });

  const rows = table.getRowModel().rows;
  const view: GridView<F> = {
    ...filtering,
    columns: table.getVisibleLeafColumns().flatMap((c) => {
      const def = defs.get(c.id as F);
      return def ? [{ field: def.id, header: def.header }] : [];
    }),
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const [active, setActive] = useState<{ index: number; dataKey: string } | null>(null);
  const activeIndex = active && active.dataKey === data.dataKey ? active.index : null;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [data.dataKey]);

  const focusRow = (index: number) => {
    setActive({ index, dataKey: data.dataKey });
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const focus = (tries: number) =>
      requestAnimationFrame(() => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (tries > 0) focus(tries - 1);
      });
    focus(3);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in header controls and in popovers (React bubbles portal events here) are theirs.
    const onGrid =
      e.target === e.currentTarget || (e.target as HTMLElement).classList.contains('dg-row');
    if (rows.length === 0 || !onGrid) return;
    const last = rows.length - 1;
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2,
    );
    const at = activeIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, at + 1),
      ArrowUp: Math.max(0, at - 1),
      PageDown: Math.min(last, at + pageRows),
      PageUp: Math.max(0, at - pageRows),
      Home: 0,
      End: last,
    };
    const next = moves[e.key];
    if (next !== undefined) {
      e.preventDefault();
      focusRow(next);
    } else if (e.key === 'Enter' && activeIndex !== null) {
      const row = rows[activeIndex];
      if (row && onRowOpen) {
        e.preventDefault();
        onRowOpen(row.original);
      }
    }
  };

  const clearAll = () => {
    setFilters([]);
    setSearch('');
  };
  const filterCount = filters.length + (search.trim() ? 1 : 0);
  const setColumnFilter = (id: F, filter: Filter | undefined) =>
    setFilters((prev) => {
      const others = prev.filter((f) => f.field !== id);
      return filter ? [...others, filter] : others;
    });

  const moveColumn = (id: F, delta: -1 | 1) =>
    updateLayout((l) => {
      const order = [...l.order];
      const from = order.indexOf(id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= order.length) return l;
      order.splice(from, 1);
      order.splice(to, 0, id);
      return { ...l, order };
    });

  // A bounded count shows as "10,000+"; the pager still reaches the page past it.
  const totalText = formatCount(data.total, lang) + (data.capped ? '+' : '');
  const from = data.total === 0 ? 0 : pageIndex * layout.pageSize + 1;
  const to = Math.min(data.total, (pageIndex + 1) * layout.pageSize);
  const showFirstLoad = !savedLayout || (data.loading && !data.everLoaded);
  const loadError = data.error ? toApiError(data.error) : null;

  return (
    <div className={`dg${data.loading ? ' dg--loading' : ''}`} data-testid={testId}>
      <div className="dg-toolbar">
        <Input
          allowClear
          className="dg-toolbar__search"
          prefix={<SearchOutlined />}
          placeholder={searchPlaceholder ?? t('grid.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="grid-search"
        />
        {toolbarStart}
        {filterCount > 0 && (
          <Button icon={<ClearOutlined />} onClick={clearAll} data-testid="grid-clear-filters">
            {t('grid.clearFilters', { count: filterCount })}
          </Button>
        )}
        <span className="dg-toolbar__spacer" />
        {data.loading && data.everLoaded && <Spin size="small" />}
        <span
          className="dg-toolbar__total"
          data-testid="grid-total"
          data-total={data.total}
          data-capped={data.capped || undefined}
        >
          {t('grid.total', { total: totalText })}
        </span>
        <Tooltip title={t('grid.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={data.retry}
            aria-label={t('grid.refresh')}
            data-testid="grid-refresh"
          />
        </Tooltip>
        <ColumnSettings
          order={layout.order}
          visible={layout.visible}
          headerOf={(id) => defs.get(id)?.header ?? id}
          onToggle={(id, visible) =>
            updateLayout((l) => ({ ...l, visible: { ...l.visible, [id]: visible } }))
          }
          onMove={moveColumn}
          onReset={resetLayout}
        />
        {typeof toolbarEnd === 'function' ? toolbarEnd(view) : toolbarEnd}
      </div>
      <FilterChips
        filters={filters}
        columnOf={(field) => defs.get(field as F)}
        onRemove={(field) => setColumnFilter(field as F, undefined)}
      />

      <div className="dg-viewport">
        <div
          ref={scrollRef}
          className="dg-scroll"
          role="grid"
          aria-rowcount={data.capped ? -1 : data.total}
          aria-busy={data.loading}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="grid-body"
        >
          <div className="dg-inner" style={{ width: table.getTotalSize() }}>
            <div className="dg-head" role="row">
              {table.getHeaderGroups()[0]?.headers.map((header) => {
                const def = defs.get(header.column.id as F);
                if (!def) return null;
                return (
                  <HeaderCell<Row, F>
                    key={header.id}
                    header={header}
                    def={def}
                    filter={filters.find((f) => f.field === def.id)}
                    filterable={canFilter(specs, def.id)}
                    nullable={specs[def.id].nullable === true}
                    sortCount={layout.sort.length}
                    onFilter={(f) => setColumnFilter(def.id, f)}
                  />
                );
              })}
            </div>
            <div className="dg-rows" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <div
                    key={row.id}
                    role="row"
                    tabIndex={-1}
                    data-index={item.index}
                    data-row-id={row.id}
                    data-testid="grid-row"
                    aria-rowindex={pageIndex * layout.pageSize + item.index + 2}
                    className={`dg-row${item.index % 2 ? ' dg-row--odd' : ''}${activeIndex === item.index ? ' is-active' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onFocus={() => setActive({ index: item.index, dataKey: data.dataKey })}
                    onClick={() => onRowOpen?.(row.original)}
                  >
                    {row.getVisibleCells().map((cell) => {
                      const def = defs.get(cell.column.id as F);
                      return (
                        <div
                          key={cell.id}
                          role="gridcell"
                          className={`dg-td dg-align-${def?.align ?? 'left'}`}
                          style={{ width: cell.column.getSize() }}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>

        {showFirstLoad && (
          <div className="dg-overlay">
            <Spin />
          </div>
        )}
        {!showFirstLoad && loadError && (
          <div className="dg-overlay">
            <Alert
              type="error"
              showIcon
              title={t('grid.loadFailed')}
              description={<ErrorBody error={loadError} />}
              action={<Button onClick={data.retry}>{t('common.retry')}</Button>}
              data-testid="grid-error"
            />
          </div>
        )}
        {!showFirstLoad && !loadError && !data.loading && rows.length === 0 && (
          <div className="dg-overlay" data-testid="grid-empty">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filterCount > 0 ? t('grid.noMatches') : t('grid.noRows')}
            >
              {filterCount > 0 && <Button onClick={clearAll}>{t('grid.clearFiltersShort')}</Button>}
            </Empty>
          </div>
        )}
      </div>

      <div className="dg-footer">
        <Pagination
          size="small"
          current={pageIndex + 1}
          pageSize={layout.pageSize}
          total={data.total}
          showSizeChanger
          showQuickJumper
          pageSizeOptions={PAGE_SIZES.map(String)}
          showTotal={() =>
            t('grid.range', {
              from: formatCount(from, lang),
              to: formatCount(to, lang),
              total: totalText,
            })
          }
          onChange={(p, size) => {
            if (size !== layout.pageSize) updateLayout((l) => ({ ...l, pageSize: size }));
            else setPage({ index: p - 1, basis });
          }}
          data-testid="grid-pagination"
        />
      </div>
    </div>
  );
}
