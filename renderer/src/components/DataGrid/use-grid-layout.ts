/** Loads a grid's layout from the user's preferences and saves it back after each change. */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ColumnSpec } from '../../../../shared/list';
import { call } from '../../api/client';
import {
  defaultLayout,
  type GridLayout,
  prefKeyOf,
  restoreLayout,
  serializeLayout,
} from './grid-layout';
import type { GridColumnDef, GridSort } from './types';

const SAVE_DELAY_MS = 200;

export function useGridLayout<Row, F extends string>(options: {
  gridId: string;
  columns: readonly GridColumnDef<Row, F>[];
  specs: Record<F, ColumnSpec>;
  defaultSort: readonly GridSort<F>[];
  /** Holds the save back while a column is being resized. */
  holdSave: boolean;
}) {
  const { gridId, columns, specs, defaultSort, holdSave } = options;
  const key = prefKeyOf(gridId);
  const [layout, setLayoutState] = useState<GridLayout<F> | null>(null);
  const unsaved = useRef(false);

  const restore = useEffectEvent((value: unknown) => {
    setLayoutState(restoreLayout(value, columns, specs, defaultSort));
  });

  useEffect(() => {
    let live = true;
    void call('prefs.get', { key }).then((r) => {
      // A missing or unreadable layout is not worth an error: the defaults are used.
      if (live) restore(r.ok ? r.value.value : null);
    });
    return () => {
      live = false;
    };
  }, [key]);

  const save = useEffectEvent(() => {
    if (!layout || !unsaved.current) return;
    unsaved.current = false;
    void call('prefs.set', { key, value: serializeLayout(layout) });
  });

  useEffect(() => {
    if (!layout || holdSave || !unsaved.current) return;
    const timer = window.setTimeout(save, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [layout, holdSave]);

  // A change made just before the grid closes is still saved.
  useEffect(() => () => save(), []);

  const updateLayout = useCallback((update: (current: GridLayout<F>) => GridLayout<F>) => {
    unsaved.current = true;
    setLayoutState((current) => (current ? update(current) : current));
  }, []);

  const resetLayout = () => updateLayout(() => defaultLayout(columns, defaultSort));

  return { layout, updateLayout, resetLayout };
}
