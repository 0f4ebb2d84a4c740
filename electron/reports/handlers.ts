/** reports.*: the filing-report templates managers keep (the report itself is exports.filingReport). */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { deleteTemplate, inspectTemplate, listTemplates, saveTemplate } from './templates';

type ReportHandlers = Pick<
  Handlers,
  | 'reports.templates'
  | 'reports.inspectTemplate'
  | 'reports.saveTemplate'
  | 'reports.deleteTemplate'
>;

export function reportHandlers({ db, clock, dataDir }: Deps): ReportHandlers {
  return {
    'reports.templates': () => listTemplates(db),
    'reports.inspectTemplate': async ({ fileId }, { session }) => {
      session.requireUser();
      return inspectTemplate(dataDir, fileId);
    },
    'reports.saveTemplate': (input, { session }) =>
      saveTemplate(db, clock, dataDir, session.requireManager().id, input),
    'reports.deleteTemplate': async ({ id }, { session }) => {
      await deleteTemplate(db, clock, session.requireManager().id, id);
      return { done: true };
    },
  };
}
