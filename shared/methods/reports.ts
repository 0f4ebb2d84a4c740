/** The reports.* methods of the API contract (served from electron/reports/). */
import { z } from 'zod';
import { empty } from '../schemas/common';
import { stagedFile } from '../schemas/imports';
import { reportTemplate, templateInput, templateInspection } from '../schemas/reports';
import { method, byId, done } from './method';

export const reportsMethods = {
  'reports.templates': method(empty, z.array(reportTemplate), 'The filing report templates.'),
  'reports.inspectTemplate': method(
    z.object({ fileId: stagedFile.shape.fileId }),
    templateInspection,
    'Read an uploaded manufacturer’s template: sheets, header rows and a suggested layout.',
  ),
  'reports.saveTemplate': method(
    templateInput,
    reportTemplate,
    'Managers: add or change a template.',
  ),
  'reports.deleteTemplate': method(
    byId,
    done,
    'Managers: remove a template (not the built-in one).',
  ),
} as const;
