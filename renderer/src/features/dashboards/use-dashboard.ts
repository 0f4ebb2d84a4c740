/**
 * Loads one dashboards.* read for the inputs shown and again on "refresh"; keeps the last answer
 * on screen while the next loads, so changing a period does not blank the charts.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { Input, Output } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

export type DashboardMethod =
  | 'dashboards.pipeline'
  | 'dashboards.pipelineFlow'
  | 'dashboards.winLoss'
  | 'dashboards.kpi'
  | 'dashboards.claims';

interface State<M extends DashboardMethod> {
  key: string;
  value: Output<M> | null;
  error: ApiError | null;
}

export function useDashboard<M extends DashboardMethod>(
  method: M,
  input: Input<M>,
  revision: number,
): { value: Output<M> | null; error: ApiError | null; loading: boolean } {
  const key = JSON.stringify([method, input, revision]);
  const [state, setState] = useState<State<M>>({ key: '', value: null, error: null });
  const load = useEffectEvent(() => call(method, input));
  useEffect(() => {
    let live = true;
    void load().then((r) => {
      if (!live) return;
      setState((s) =>
        r.ok ? { key, value: r.value, error: null } : { key, value: s.value, error: r.error },
      );
    });
    return () => {
      live = false;
    };
    // The key holds the method, the input and the revision: load again when any changes.
  }, [key]);
  return { value: state.value, error: state.error, loading: state.key !== key };
}
