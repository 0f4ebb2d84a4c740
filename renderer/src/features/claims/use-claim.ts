/** Loads one claim for its card (see useRecord). */
import { useRecord } from '../../lib/use-record';

export const useClaim = (id: number | null, revision: unknown) =>
  useRecord('claims.get', id, revision);
