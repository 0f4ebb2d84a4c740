/** Every kind of long job, by name. The worker looks the job up here. */
import { loadDemoJob } from '../demo/load';
import { exportAccountsJob } from '../exports/accounts-export';
import { exportContactsJob } from '../exports/contacts-export';
import { importAccountsJob } from '../imports/accounts-import';
import { importContactsJob } from '../imports/contacts-import';
import { inspectJob } from '../imports/inspect';
import { importPricesJob } from '../imports/prices-import';
import { importTendersJob } from '../imports/tenders-import';
import { rejectsExportJob } from '../imports/rejects-export';
import { dossierJob } from '../claims/dossier';
import { filingReportJob } from '../reports/report-export';
import { backupJob, exportAllJob } from '../backups/job';
import type { JobFunction } from './context';

export const JOBS = {
  'demo.load': loadDemoJob as JobFunction,
  'accounts.export': exportAccountsJob as JobFunction,
  'contacts.export': exportContactsJob as JobFunction,
  'import.inspect': inspectJob as JobFunction,
  'accounts.import': importAccountsJob as JobFunction,
  'contacts.import': importContactsJob as JobFunction,
  'tenders.import': importTendersJob as JobFunction,
  'prices.import': importPricesJob as JobFunction,
  'import.rejects': rejectsExportJob as JobFunction,
  'reports.filing': filingReportJob as JobFunction,
  'claims.dossier': dossierJob as JobFunction,
  'backups.create': backupJob as JobFunction,
  'backups.exportAll': exportAllJob as JobFunction,
} as const;

export type JobKind = keyof typeof JOBS;
