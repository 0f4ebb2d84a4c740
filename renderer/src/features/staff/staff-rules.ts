/**
 * Who may change which staff member, mirroring the backend's checks so the UI can disable what
 * would be refused. The backend stays the authority: its FORBIDDEN answers are still shown.
 */
import type { StaffRole } from '../../../../shared/enums';
import type { Staff } from '../../../../shared/schemas/staff';
import type { MessageKey } from '../../i18n/messages-zh';

export function canManageStaff(user: Staff): boolean {
  return user.role === 'manager' || user.role === 'admin';
}

/** Anyone may edit their own name and contact details; others only a manager or admin, and an admin only an admin. */
export function canEditStaff(user: Staff, target: Staff): boolean {
  if (target.id === user.id) return true;
  return canManageStaff(user) && (target.role !== 'admin' || user.role === 'admin');
}

/** Why the role of `target` (null: a new member) cannot be changed, if it cannot. */
export function roleLock(user: Staff, target: Staff | null): MessageKey | null {
  return target?.id === user.id ? 'staff.ownRole' : null;
}

/** Why `target` cannot be deactivated or reactivated, if it cannot. */
export function activeLock(user: Staff, target: Staff | null): MessageKey | null {
  return target?.id === user.id ? 'staff.ownActive' : null;
}

/** Only an admin grants the admin role; someone who already has it may keep it. */
export function roleChoiceLock(
  user: Staff,
  target: Staff | null,
  role: StaffRole,
): MessageKey | null {
  if (role !== 'admin' || user.role === 'admin' || target?.role === 'admin') return null;
  return 'staff.adminOnly';
}
