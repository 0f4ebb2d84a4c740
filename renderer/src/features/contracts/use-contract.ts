/** Loads one contract for its card (see useRecord). */
import { useRecord } from '../../lib/use-record';

export const useContract = (id: number | null, revision: unknown) =>
  useRecord('contracts.get', id, revision);
