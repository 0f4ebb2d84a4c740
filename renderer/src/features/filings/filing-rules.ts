/** What the UI derives from a filing and who looks at it: what they may do next. */
import type { FilingCheck } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import type { Staff } from '../../../../shared/schemas/staff';

export const isManagerRole = (user: Pick<Staff, 'role'>) =>
  user.role === 'manager' || user.role === 'admin';

/** Mirrors the backend: whoever prepared the filing, or a manager, changes it. */
export function canChangeFiling(user: Pick<Staff, 'id' | 'role'>, d: FilingDetail): boolean {
  return isManagerRole(user) || d.owner?.id === user.id;
}

/** The failed checks a manager's override would cover now. */
export function failedChecks(d: FilingDetail): FilingCheck[] {
  return d.checks.filter((c) => c.pass === false).map((c) => c.check);
}

/** submitBlockers are check codes; anything else is a reason code shown as such. */
export function blockerChecks(d: FilingDetail): FilingCheck[] {
  const failed = new Set<string>(failedChecks(d));
  return d.checks.map((c) => c.check).filter((c) => d.submitBlockers.includes(c) && failed.has(c));
}
