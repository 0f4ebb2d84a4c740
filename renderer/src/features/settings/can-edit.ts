import type { Staff } from '../../../../shared/schemas/staff';

/** Sales settings, prices and KPI targets are changed by managers and admins; specialists read them. */
export function canEditSettings(user: Pick<Staff, 'role'>): boolean {
  return user.role === 'manager' || user.role === 'admin';
}
