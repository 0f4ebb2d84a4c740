/** The column mappings users saved for files they import again and again, per import target. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Result } from '../../../../shared/result';
import type { ImportTarget, SavedMapping } from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { type MappedColumn, mappingToSave } from './column-mapping';

export interface SavedMappings {
  list: SavedMapping[];
  error: ApiError | null;
  save: (name: string, columns: readonly MappedColumn[]) => Promise<Result<SavedMapping>>;
  remove: (mapping: SavedMapping) => Promise<Result<unknown>>;
}

export function useSavedMappings(target: ImportTarget): SavedMappings {
  const [list, setList] = useState<SavedMapping[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('imports.mappings', { target }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setList(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [generation, target]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const save = useCallback(
    async (name: string, columns: readonly MappedColumn[]) => {
      const r = await call('imports.saveMapping', {
        target,
        name,
        columns: mappingToSave(columns),
      });
      if (r.ok) reload();
      return r;
    },
    [reload, target],
  );

  const remove = useCallback(
    async (mapping: SavedMapping) => {
      const r = await call('imports.deleteMapping', { id: mapping.id });
      if (r.ok) reload();
      return r;
    },
    [reload],
  );

  return { list, error, save, remove };
}
