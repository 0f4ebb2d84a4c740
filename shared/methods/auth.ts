/** The auth.* methods of the API contract (served from electron/auth/). */
import { z } from 'zod';
import { empty } from '../schemas/common';
import { refId } from '../schemas/references';
import { changePasswordInput, signedIn, signInInput, staff, staffInput } from '../schemas/staff';
import { method, done } from './method';

export const authMethods = {
  'auth.current': method(empty, staff.nullable(), 'The staff member signed in on this client.'),
  'auth.signIn': method(
    signInInput,
    signedIn,
    'Sign in with login and password (browsers get a cookie, API clients a bearer token).',
  ),
  'auth.signOut': method(empty, done, 'End this session (on the server too).'),
  'auth.changePassword': method(
    changePasswordInput,
    staff,
    'Change your own password (required after a one-time password).',
  ),
  'auth.pick': method(
    z.object({ staffId: refId('staff') }),
    staff,
    'Solo data folder only: choose who is using the app.',
  ),
  'auth.pickList': method(
    empty,
    z.array(staff.pick({ id: true, name: true, role: true })),
    'Solo data folder only: the names to choose from.',
  ),
  'auth.setUp': method(
    staffInput,
    staff,
    'Solo first run only: create the first staff member and sign in as them.',
  ),
} as const;
