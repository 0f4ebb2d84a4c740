/** The prefs.* methods of the API contract (served from electron/prefs/). */
import { z } from 'zod';
import { prefKey } from '../schemas/system';
import { method, done } from './method';

export const prefsMethods = {
  'prefs.get': method(
    z.object({ key: prefKey }),
    z.object({ value: z.unknown() }),
    'A saved preference.',
  ),
  'prefs.set': method(
    z.object({ key: prefKey, value: z.unknown() }),
    done,
    'Save a preference of the current user (grid layout, language).',
  ),
} as const;
