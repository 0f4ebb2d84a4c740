/**
 * The API contract: method name → zod input and output. Both transports, the preload bridge, the
 * renderer client and `GET /api` are derived from this one table.
 *
 * Each namespace keeps its methods in shared/methods/<namespace>.ts, served from the electron/
 * folder of the same name.
 */
import type { z } from 'zod';
import { appMethods } from './methods/app';
import { authMethods } from './methods/auth';
import { staffMethods } from './methods/staff';
import { accountsMethods } from './methods/accounts';
import { contactsMethods } from './methods/contacts';
import { prefsMethods } from './methods/prefs';
import { demoMethods } from './methods/demo';
import { exportsMethods } from './methods/exports';
import { importsMethods } from './methods/imports';
import { opportunitiesMethods } from './methods/opportunities';
import { tendersMethods } from './methods/tenders';
import { contractsMethods } from './methods/contracts';
import { settingsMethods } from './methods/settings';
import { followUpsMethods } from './methods/follow-ups';
import { activitiesMethods } from './methods/activities';
import { kpiMethods } from './methods/kpi';
import { valueMethods } from './methods/value';
import { myDayMethods } from './methods/my-day';
import { calendarMethods } from './methods/calendar';
import { remindersMethods } from './methods/reminders';
import { pricesMethods } from './methods/prices';
import { claimsMethods } from './methods/claims';
import { documentsMethods } from './methods/documents';
import { filingsMethods } from './methods/filings';
import { reportsMethods } from './methods/reports';
import { jobsMethods } from './methods/jobs';
import { auditMethods } from './methods/audit';
import { backupsMethods } from './methods/backups';
import { reviewsMethods } from './methods/reviews';
import { paymentsMethods } from './methods/payments';

export const api = {
  ...appMethods,
  ...authMethods,
  ...staffMethods,
  ...accountsMethods,
  ...contactsMethods,
  ...prefsMethods,
  ...demoMethods,
  ...exportsMethods,
  ...importsMethods,
  ...opportunitiesMethods,
  ...tendersMethods,
  ...contractsMethods,
  ...settingsMethods,
  ...followUpsMethods,
  ...activitiesMethods,
  ...kpiMethods,
  ...valueMethods,
  ...myDayMethods,
  ...calendarMethods,
  ...remindersMethods,
  ...pricesMethods,
  ...claimsMethods,
  ...documentsMethods,
  ...filingsMethods,
  ...reportsMethods,
  ...jobsMethods,
  ...auditMethods,
  ...backupsMethods,
  ...reviewsMethods,
  ...paymentsMethods,
} as const;

type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults optional). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
