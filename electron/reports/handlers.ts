import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../app/deps';
import type { DossierParams } from '../claims/dossier';
import { requireClaimRead } from '../claims/repository';
import { mustGetClaim } from '../claims/record';
import { exportsDir, stamp } from '../exports/handlers';
import type { Handlers } from '../transport/dispatch';
import { mustHaveDealer, type ReportParams } from './report-export';
import {
  deleteTemplate,
  inspectTemplate,
  listTemplates,
  mustGetTemplate,
  saveTemplate,
} from './templates';

type ReportHandlers = Pick<
  Handlers,
  | 'reports.templates'
  | 'reports.inspectTemplate'
  | 'reports.saveTemplate'
  | 'reports.deleteTemplate'
  | 'exports.filingReport'
  | 'exports.claimDossier'
>;

export function reportHandlers({ db, clock, dataDir, jobs, exportFiles }: Deps): ReportHandlers {
  const exportFile = (ext: string) => {
    fs.mkdirSync(exportsDir(dataDir), { recursive: true });
    return path.join(exportsDir(dataDir), `${randomUUID()}.${ext}`);
  };
  return {
    'reports.templates': () => listTemplates(db),
    'reports.inspectTemplate': async ({ fileId }, { session }) => {
      session.requireUser();
      return inspectTemplate(dataDir, fileId);
    },
    'reports.saveTemplate': (input, { session }) =>
      saveTemplate(db, dataDir, session.requireManager().id, input),
    'reports.deleteTemplate': async ({ id }, { session }) => {
      await deleteTemplate(db, session.requireManager().id, id);
      return { done: true };
    },
    'exports.filingReport': async (input, { session }) => {
      const user = session.requireUser();
      await mustGetTemplate(db, input.templateId);
      await mustHaveDealer(db);
      const file = exportFile('xlsx');
      const zh = input.lang === 'zh-CN';
      const fileName = `${zh ? '大客户销售报备表' : 'filing-report'}-${input.from}-${input.to}-${stamp('Asia/Shanghai')}.xlsx`;
      const params: ReportParams = { input, dataDir, file, fileName };
      const job = jobs.start('reports.filing', params, user.id);
      exportFiles.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.claimDossier': async ({ claimId, lang }, { session }) => {
      const user = session.requireUser();
      await requireClaimRead(db, user, claimId);
      const claim = await mustGetClaim(db, clock, dataDir, claimId);
      const file = exportFile('xlsx');
      const zh = lang === 'zh-CN';
      const fileName = `${zh ? '报备争议材料' : 'claim-dossier'}-${claim.accountName.slice(0, 40)}-${stamp('Asia/Shanghai')}.xlsx`;
      const params: DossierParams = { claimId, lang, dataDir, file, fileName };
      const job = jobs.start('claims.dossier', params, user.id);
      exportFiles.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
  };
}
