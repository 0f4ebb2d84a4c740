/**
 * A value.* read for a screen: asked again whenever its input changes (compared by value), the
 * answer of a superseded ask dropped, the last error kept beside the last good answer.
 */
import { useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

type ValueMethod = Extract<MethodName, `value.${string}`>;

export function useValueQuery<M extends ValueMethod>(
  method: M,
  input: Input<M>,
  /** Anything else that should make it ask again (a card's revision). */
  revision: unknown = null,
): { data: Output<M> | null; error: ApiError | null } {
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    void call(method, JSON.parse(key) as Input<M>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setData(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [method, key, revision]);

  return { data, error };
}
