/** Loads one filing for its card (see useRecord). */
import { useRecord } from '../../lib/use-record';

export const useFiling = (id: number | null, revision: unknown) =>
  useRecord('filings.get', id, revision);
