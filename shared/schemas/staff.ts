import { z } from 'zod';
import { STAFF_ROLE_VALUES } from '../enums';
import { id, optionalText, requiredText } from './common';

const staffRole = z.enum(STAFF_ROLE_VALUES);

/** Sign-in name on a team server: letters, digits, '.', '_' or '-'; compared regardless of case. */
const staffLogin = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9._-]{2,32}$/.test(v), {
    message: 'a login is 2–32 letters, digits, ".", "_" or "-"',
    params: { reason: 'login.format' },
  });

export const staffInput = z.object({
  name: requiredText(50),
  role: staffRole,
  phone: optionalText(30),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().nullable()).default(null),
  /** Omitted: unchanged (update) or none (create). */
  login: z.preprocess((v) => (v === '' ? null : v), staffLogin.nullable()).optional(),
});

export const staff = z.object({
  id,
  name: z.string(),
  role: staffRole,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  login: z.string().nullable(),
  /** Whether a password is set (the hash itself never leaves the server). */
  hasPassword: z.boolean(),
  /** A one-time password set by an admin: to be changed before anything else. */
  mustChangePassword: z.boolean(),
  /** The row version an edit must carry (a stale one is refused, naming who changed it). */
  version: z.number().int(),
});
export type Staff = z.infer<typeof staff>;
export type StaffInput = z.infer<typeof staffInput>;

export const signInInput = z.object({
  login: z.string().trim().min(1).max(64),
  // Never trimmed or normalised here: a password is what the person typed.
  password: z.string().min(1).max(200),
});

/** `token` is for API clients (Authorization: Bearer); a browser gets it as an HttpOnly cookie. */
export const signedIn = z.object({
  user: staff,
  token: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const changePasswordInput = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(1).max(200),
});
