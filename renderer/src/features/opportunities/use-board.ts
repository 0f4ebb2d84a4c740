/**
 * The board's data: per stage its totals and first cards (opportunities.board), plus the cards a
 * column asked for with "加载更多" (opportunities.list on that stage, in the board's order).
 * Every reload asks again for as many cards as each column shows, so a move keeps the view.
 */
import { useEffect, useState } from 'react';
import type { BuyerType } from '../../../../shared/enums';
import type { Filter } from '../../../../shared/list';
import type { Stage } from '../../../../shared/sales-enums';
import type { Board, OpportunityRow } from '../../../../shared/schemas/opportunities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { useDebounced } from '../../lib/use-debounced';
import { BOARD_SORT } from './fetch-opportunities';

export interface BoardFilters {
  search: string;
  /** Staff ids as the enum filter takes them (strings). */
  ownerIds: string[];
  buyerTypes: BuyerType[];
}

export const NO_BOARD_FILTERS: BoardFilters = { search: '', ownerIds: [], buyerTypes: [] };

export const CARDS_PER_PAGE = 20;

export type BoardColumnData = Board['columns'][number];

type Counts = Partial<Record<Stage, number>>;
const NO_COUNTS: Counts = {};

function filtersOf(f: BoardFilters): Filter[] {
  const filters: Filter[] = [];
  if (f.ownerIds.length > 0) filters.push({ field: 'ownerId', op: 'in', values: f.ownerIds });
  if (f.buyerTypes.length > 0) filters.push({ field: 'buyerType', op: 'in', values: f.buyerTypes });
  return filters;
}

function withoutDuplicates(rows: OpportunityRow[]): OpportunityRow[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

interface State {
  key: string;
  board: Board | null;
  error: ApiError | null;
}

export function useBoard(f: BoardFilters, revision: unknown) {
  const search = useDebounced(f.search.trim(), 250);
  const query = JSON.stringify({ filters: filtersOf(f), search });
  // Cards wanted per column beyond the first page; other filters start again from the first page.
  const [wanted, setWanted] = useState<{ query: string; counts: Counts }>({
    query,
    counts: NO_COUNTS,
  });
  const counts = wanted.query === query ? wanted.counts : NO_COUNTS;
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify([query, counts, revision, attempt]);
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let live = true;
    const q = JSON.parse(query) as { filters: Filter[]; search: string };
    const search = q.search || undefined;
    void (async () => {
      const r = await call('opportunities.board', {
        filters: q.filters,
        search,
        includeClosed: true,
        cardsPerStage: CARDS_PER_PAGE,
      });
      if (!r.ok) {
        if (live) setState((prev) => ({ key, board: prev?.board ?? null, error: r.error }));
        return;
      }
      const more = (Object.entries(counts) as [Stage, number][]).filter(
        ([, n]) => n > CARDS_PER_PAGE,
      );
      const pages = await Promise.all(
        more.map(([stage, n]) =>
          call('opportunities.list', {
            filters: [...q.filters, { field: 'stage', op: 'in', values: [stage] }],
            search,
            sort: BOARD_SORT,
            offset: CARDS_PER_PAGE,
            limit: n - CARDS_PER_PAGE,
          }).then((page) => ({ stage, page })),
        ),
      );
      if (!live) return;
      const failed = pages.find((p) => !p.page.ok);
      const extra = new Map(pages.map((p) => [p.stage, p.page.ok ? p.page.value.rows : []]));
      setState({
        key,
        error: failed && !failed.page.ok ? failed.page.error : null,
        board: {
          ...r.value,
          columns: r.value.columns.map((c) => ({
            ...c,
            cards: withoutDuplicates([...c.cards, ...(extra.get(c.stage) ?? [])]),
          })),
        },
      });
    })();
    return () => {
      live = false;
    };
  }, [query, counts, key]);

  const loading = state?.key !== key;
  const board = state?.board ?? null;

  const loadMore = (stage: Stage, shown: number) =>
    setWanted({ query, counts: { ...counts, [stage]: shown + CARDS_PER_PAGE } });

  return {
    board,
    error: state?.error ?? null,
    loading,
    /** True while a column's "加载更多" is on its way. */
    loadingMore: (column: BoardColumnData) =>
      loading && (counts[column.stage] ?? CARDS_PER_PAGE) > column.cards.length,
    loadMore,
    reload: () => setAttempt((a) => a + 1),
  };
}
