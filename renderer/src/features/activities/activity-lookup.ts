/** One activity by id, for `#/activities/<id>`: read fresh, since another user may have changed it. */
import type { ActivityRow } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

type Found = { ok: true; row: ActivityRow | null } | { ok: false; error: ApiError };

export async function findActivity(id: number): Promise<Found> {
  const r = await call('activities.get', { id });
  if (r.ok) return { ok: true, row: r.value };
  return r.error.code === 'NOT_FOUND' ? { ok: true, row: null } : { ok: false, error: r.error };
}
