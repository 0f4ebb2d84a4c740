/**
 * Every kind of long job, by name: the params it takes and a loader of its module. The worker
 * loads only the module of the job it runs (each `import()` is a chunk of its own in the built
 * worker), so a 2-row CSV inspect does not wait for exceljs, pinyin or the region tables.
 */
import type { BackupJobParams, ExportAllParams } from '../backups/job';
import type { DossierParams } from '../claims/dossier-export';
import type { DemoParams } from '../demo/load';
import type { ExportAccountsParams } from '../exports/accounts-export';
import type { ExportContactsParams } from '../exports/contacts-export';
import type { ExportGridParams } from '../exports/grid-export';
import type { ExportTableParams } from '../exports/table-export';
import type { ExportParetoParams } from '../exports/pareto-export';
import type { InspectParams } from '../imports/inspect';
import type { RejectsParams } from '../imports/rejects-export';
import type { PreparerName } from '../imports/row-preparers';
import type { ImportParams } from '../imports/run-import';
import type { ReportParams } from '../reports/report-export';
import type { JobFunction } from './context';

/** What `jobs.start(kind, params)` takes for each kind. */
export interface JobParams {
  'demo.load': DemoParams;
  'accounts.export': ExportAccountsParams;
  'contacts.export': ExportContactsParams;
  'grid.export': ExportGridParams;
  'table.export': ExportTableParams;
  'pareto.export': ExportParetoParams;
  'import.inspect': InspectParams;
  'accounts.import': ImportParams;
  'contacts.import': ImportParams;
  'tenders.import': ImportParams;
  'prices.import': ImportParams;
  'payments.import': ImportParams;
  'import.rejects': RejectsParams;
  'reports.filing': ReportParams;
  'claims.dossier': DossierParams;
  'backups.create': BackupJobParams;
  'backups.exportAll': ExportAllParams;
}

export type JobKind = keyof JobParams;

type JobLoaders = { [K in JobKind]: () => Promise<JobFunction<JobParams[K]>> };

const JOBS: JobLoaders = {
  'demo.load': async () => (await import('../demo/load')).loadDemoJob,
  'accounts.export': async () => (await import('../exports/accounts-export')).exportAccountsJob,
  'contacts.export': async () => (await import('../exports/contacts-export')).exportContactsJob,
  'grid.export': async () => (await import('../exports/grid-export')).exportGridJob,
  'table.export': async () => (await import('../exports/table-export')).exportTableJob,
  'pareto.export': async () => (await import('../exports/pareto-export')).exportParetoJob,
  'import.inspect': async () => (await import('../imports/inspect')).inspectJob,
  'accounts.import': async () => (await import('../imports/accounts-import')).importAccountsJob,
  'contacts.import': async () => (await import('../imports/contacts-import')).importContactsJob,
  'tenders.import': async () => (await import('../imports/tenders-import')).importTendersJob,
  'prices.import': async () => (await import('../imports/prices-import')).importPricesJob,
  'payments.import': async () => (await import('../imports/payments-import')).importPaymentsJob,
  'import.rejects': async () => (await import('../imports/rejects-export')).rejectsExportJob,
  'reports.filing': async () => (await import('../reports/report-export')).filingReportJob,
  'claims.dossier': async () => (await import('../claims/dossier-export')).dossierJob,
  'backups.create': async () => (await import('../backups/job')).backupJob,
  'backups.exportAll': async () => (await import('../backups/job')).exportAllJob,
};

/**
 * The imports whose rows a reader thread prepares (imports/prepared-rows.ts), by preparer: the
 * worker starts that thread with the job, before the job's module loads.
 */
export const ROW_PREPARER_OF: { readonly [K in JobKind]?: PreparerName } = {
  'accounts.import': 'accounts',
};

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOBS, kind);
}

/** The job function of `kind`, loaded on first use; its type ties it to the kind's params. */
export function loadJob<K extends JobKind>(kind: K): Promise<JobFunction<JobParams[K]>> {
  const load: JobLoaders[K] = JOBS[kind];
  return load();
}
