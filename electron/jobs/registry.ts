/** Every kind of long job, by name. The worker looks the job up here. */
import { loadDemoJob } from '../demo/load';
import { exportAccountsJob } from '../exports/accounts-export';
import type { JobFunction } from './context';

export const JOBS = {
  'demo.load': loadDemoJob as JobFunction,
  'accounts.export': exportAccountsJob as JobFunction,
} as const;

export type JobKind = keyof typeof JOBS;
