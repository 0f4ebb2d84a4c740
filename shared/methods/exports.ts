/** The exports.* methods of the API contract (served from electron/exports/). */
import { z } from 'zod';
import {
  delivery,
  exportAccountsInput,
  exportContactsInput,
  exportResult,
  exportParetoInput,
  exportTableInput,
} from '../schemas/exports';
import { exportGridInput } from '../schemas/grid-exports';

import { dossierExportInput, reportExportInput } from '../schemas/reports';
import { method } from './method';

export const exportsMethods = {
  'exports.accounts': method(
    exportAccountsInput,
    z.object({ jobId: z.string() }),
    'Export the accounts view (filters, sort, search, visible columns) to .xlsx or .csv, as a job.',
  ),
  'exports.contacts': method(
    exportContactsInput,
    z.object({ jobId: z.string() }),
    'Export the contacts of the accounts in a view (personal details only if asked and allowed), as a job.',
  ),
  'exports.grid': method(
    exportGridInput,
    z.object({ jobId: z.string() }),
    'Export a grid’s view (its list input: filters, sort, search; visible columns) to .xlsx or .csv, as a job; the same records as its list.',
  ),
  'exports.table': method(
    exportTableInput,
    z.object({ jobId: z.string() }),
    'Write a table the page shows (an analysis table, a chart’s data) to .xlsx or .csv, as a job.',
  ),
  'exports.pareto': method(
    exportParetoInput,
    z.object({ jobId: z.string() }),
    'Export the whole 20/80 table of a period and basis — every account of yours (or the store’s, for managers), ranked and classed — as a job.',
  ),
  'exports.result': method(
    z.object({ jobId: z.string().max(64) }),
    exportResult,
    'What a finished export wrote.',
  ),
  'exports.deliver': method(
    z.object({ jobId: z.string().max(64) }),
    delivery,
    'Hand a finished export to the user: a save dialog in Electron, a download link in browser mode.',
  ),
  'exports.filingReport': method(
    reportExportInput,
    z.object({ jobId: z.string() }),
    'Start writing the filing report of a period into a template (.xlsx).',
  ),
  'exports.claimDossier': method(
    dossierExportInput,
    z.object({ jobId: z.string() }),
    'Start writing a claim’s dispute dossier (.xlsx).',
  ),
} as const;
