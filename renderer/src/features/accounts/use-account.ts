/** Loads one account for its card (see useRecord); `generation` grows with each reload. */
import { useRecord } from '../../lib/use-record';

export const useAccount = (id: number | null, revision: unknown) =>
  useRecord('accounts.get', id, revision);
