import { z } from 'zod';
import { STAFF_ROLE_VALUES } from '../enums';
import { id, optionalText, requiredText } from './common';

export const staffRole = z.enum(STAFF_ROLE_VALUES);

export const staffInput = z.object({
  name: requiredText(50),
  role: staffRole,
  phone: optionalText(30),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().nullable()).default(null),
});

export const staff = z.object({
  id,
  name: z.string(),
  role: staffRole,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof staff>;
export type StaffInput = z.infer<typeof staffInput>;
