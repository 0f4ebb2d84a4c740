/** The app.* methods of the API contract (served from electron/app/). */
import { empty } from '../schemas/common';
import { appInfo } from '../schemas/system';
import { method } from './method';

export const appMethods = {
  'app.info': method(empty, appInfo, 'Version, mode, data folder and first-run state.'),
} as const;
