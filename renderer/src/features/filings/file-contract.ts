/**
 * 报备 a contract: start its draft filing, or find the one it already has. A contract has one
 * live filing; the backend refuses a second with CONFLICT `filing.exists` and names its number.
 */
import type { Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { detailsOf, errorKind } from '../../api/errors';

export interface Filed {
  id: number;
  number: string;
  /** The contract was already filed: this is its existing filing. */
  existed: boolean;
}

async function existing(number: string): Promise<Result<Filed | null>> {
  const r = await call('filings.list', {
    filters: [{ field: 'number', op: 'contains', value: number }],
    limit: 10,
  });
  if (!r.ok) return r;
  const row = r.value.rows.find((f) => f.number === number);
  return { ok: true, value: row ? { id: row.id, number: row.number, existed: true } : null };
}

export async function fileContract(
  contractId: number,
  units: number | null,
): Promise<Result<Filed>> {
  const r = await call('filings.create', { contractId, units });
  if (r.ok) return { ok: true, value: { id: r.value.id, number: r.value.number, existed: false } };
  const number = detailsOf(r.error).number;
  if (
    r.error.code !== 'CONFLICT' ||
    errorKind(r.error) !== 'filing.exists' ||
    typeof number !== 'string'
  )
    return r;
  const found = await existing(number);
  if (!found.ok) return found;
  return found.value ? { ok: true, value: found.value } : r;
}
