/** The imports.* methods of the API contract (served from electron/imports/). */
import { z } from 'zod';
import { empty, id } from '../schemas/common';
import {
  importReport,
  importReportQuery,
  importRunInput,
  importSummary,
  importTarget,
  inspectInput,
  inspection,
  savedMapping,
  saveMappingInput,
  stagedFile,
} from '../schemas/imports';
import { method, byId, done } from './method';

export const importsMethods = {
  'imports.choose': method(
    empty,
    stagedFile.nullable(),
    'Electron: pick a file in an open dialog and stage it (null if the user cancels). Browser mode uploads with POST /api/upload instead.',
  ),
  'imports.inspect': method(
    inspectInput,
    z.object({ jobId: z.string() }),
    'Read a staged file’s sheets, find each header row and suggest a mapping (runs as a job).',
  ),
  'imports.inspection': method(
    z.object({ jobId: z.string().max(64) }),
    inspection,
    'What a finished inspect job found.',
  ),
  'imports.run': method(
    importRunInput,
    z.object({ jobId: z.string() }),
    'Dry run or commit an import of accounts or contacts (runs as a job; cancelling leaves the database as it was).',
  ),
  'imports.summary': method(
    z.object({ jobId: z.string().max(64) }),
    importSummary,
    'What a finished dry run or commit counted.',
  ),
  'imports.report': method(
    importReportQuery,
    importReport,
    'The per-row report of a run, paged, optionally only one outcome.',
  ),
  'imports.rejects': method(
    z.object({ runId: id, lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    z.object({ jobId: z.string() }),
    'Write the rejected rows (original columns plus a reason column) to .xlsx, as an export job.',
  ),
  'imports.mappings': method(
    z.object({ target: importTarget.default('accounts') }).default({ target: 'accounts' }),
    z.array(savedMapping),
    'Saved column mappings of a target.',
  ),
  'imports.saveMapping': method(
    saveMappingInput,
    savedMapping,
    'Save (or replace, by name) a column mapping for next time.',
  ),
  'imports.deleteMapping': method(byId, done, 'Delete a saved mapping.'),
} as const;
