/** reports.*: the filing-report templates managers keep (the report itself is exports.filingReport). */
import type { Deps } from '../app/deps';
import { readScopeOf } from '../reads/scope';
import type { Handlers } from '../transport/dispatch';
import { deleteTemplate, inspectTemplate, listTemplates, saveTemplate } from './templates';

type ReportHandlers = Pick<
  Handlers,
  | 'reports.templates'
  | 'reports.inspectTemplate'
  | 'reports.saveTemplate'
  | 'reports.deleteTemplate'
>;

export function reportHandlers({ db, clock, dataDir, reads }: Deps): ReportHandlers {
  return {
    'reports.templates': () => listTemplates(db),
    'reports.inspectTemplate': ({ fileId }, { session }) =>
      inspectTemplate({ reads, scope: readScopeOf(clock, session) }, dataDir, fileId),
    'reports.saveTemplate': (input, { session }) => {
      const actor = session.requireManager();
      const reader = { reads, scope: readScopeOf(clock, session) };
      return saveTemplate(db, clock, dataDir, reader, actor.id, input);
    },
    'reports.deleteTemplate': async ({ id }, { session }) => {
      await deleteTemplate(db, clock, session.requireManager().id, id);
      return { done: true };
    },
  };
}
