/** Loads one opportunity for its card (see useRecord). */
import { useRecord } from '../../lib/use-record';

export const useOpportunity = (id: number | null, revision: unknown) =>
  useRecord('opportunities.get', id, revision);
