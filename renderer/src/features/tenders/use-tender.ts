/** Loads one tender for its card (see useRecord). */
import { useRecord } from '../../lib/use-record';

export const useTender = (id: number | null, revision: unknown) =>
  useRecord('tenders.get', id, revision);
