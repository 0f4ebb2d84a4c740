/** The staff.* methods of the API contract (served from electron/staff/). */
import { z } from 'zod';
import { id } from '../schemas/common';
import { staff, staffInput } from '../schemas/staff';
import { method } from './method';

export const staffMethods = {
  'staff.list': method(
    z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    z.array(staff),
    'Staff members, active ones unless asked otherwise.',
  ),
  'staff.create': method(staffInput, staff, 'Add a staff member.'),
  'staff.setPassword': method(
    z.object({ id, password: z.string().min(1).max(200) }),
    staff,
    'Admin: set a one-time password, to be changed at the next sign-in; ends their sessions.',
  ),
  'staff.update': method(
    staffInput.extend({ id, active: z.boolean(), version: z.number().int().min(1) }),
    staff,
    'Change a staff member (deactivate instead of deleting).',
  ),
} as const;
