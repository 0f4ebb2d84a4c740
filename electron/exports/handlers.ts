import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../../shared/schemas/exports';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import type { DossierParams } from '../claims/dossier-export';
import { requireClaimRead } from '../claims/repository';
import { mustGetClaim } from '../claims/record';
import type { ReportParams } from '../reports/report-export';
import { mustGetTemplate } from '../reports/templates';
import { mustHaveDealer } from '../settings/dealer-settings';
import type { Handlers } from '../transport/dispatch';
import type { ExportAccountsParams } from './accounts-export';
import type { ExportContactsParams } from './contacts-export';
import type { ExportGridParams } from './grid-export';
import { GRID_EXPORTS } from './grids';
import { teamScope } from '../accounts/account-team';
import type { ExportTableParams } from './table-export';
import type { ExportParetoParams } from './pareto-export';
import { getValueSettings } from '../value/settings';

type ExportHandlers = Pick<
  Handlers,
  | 'exports.accounts'
  | 'exports.contacts'
  | 'exports.grid'
  | 'exports.table'
  | 'exports.pareto'
  | 'exports.filingReport'
  | 'exports.claimDossier'
  | 'exports.result'
  | 'exports.deliver'
>;

const KEEP_EXPORTS_MS = 24 * 60 * 60 * 1000;

/** Export files live in <data>/exports until delivered; anything a day old is swept at start. */
export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

export function sweepExports(dataDir: string, now = Date.now()): void {
  const dir = exportsDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs > KEEP_EXPORTS_MS) fs.rmSync(file, { force: true });
  }
}

export function stamp(clock: Clock, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(clock.now())
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}`;
}

export function exportHandlers({
  db,
  clock,
  dataDir,
  jobs,
  version,
  deliverFile,
  exportFiles: files,
}: Deps): ExportHandlers {
  /** A new file in the exports folder for a job to write. */
  const exportFile = (ext: string) => {
    fs.mkdirSync(exportsDir(dataDir), { recursive: true });
    return path.join(exportsDir(dataDir), `${randomUUID()}.${ext}`);
  };
  /** A finished export of `userId`'s: another user's export is not found (its file is theirs). */
  const finished = (
    jobId: string,
    userId: number | null,
  ): { file: string; fileName: string; result: ExportResult } => {
    const entry = files.get(jobId);
    if (!entry) throw new AppError('NOT_FOUND', `no export ${jobId}`, { kind: 'export_gone' });
    const job = jobs.get(jobId, userId);
    if (job.state !== 'done')
      throw new AppError('CONFLICT', `the export is ${job.state}`, {
        kind: 'export_not_done',
        state: job.state,
      });
    if (!fs.existsSync(entry.file))
      throw new AppError('NOT_FOUND', 'the export file is gone', { kind: 'export_gone' });
    return { ...entry, result: jobs.result(jobId, userId) as ExportResult };
  };

  return {
    'exports.accounts': async (input, { session }) => {
      const user = session.requireUser();
      fs.mkdirSync(exportsDir(dataDir), { recursive: true });
      const file = path.join(exportsDir(dataDir), `${randomUUID()}.${input.format}`);
      const fileName = `${input.lang === 'en' ? 'accounts' : '客户列表'}-${stamp(clock, input.timeZone)}.${input.format}`;
      const params: ExportAccountsParams = {
        input,
        file,
        fileName,
        actorName: user.name,
        version,
        valueScope: teamScope(user),
      };
      const job = jobs.start('accounts.export', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.contacts': async (input, { session }) => {
      const user = session.requireUser();
      fs.mkdirSync(exportsDir(dataDir), { recursive: true });
      const file = path.join(exportsDir(dataDir), `${randomUUID()}.${input.format}`);
      const fileName = `${input.lang === 'en' ? 'contacts' : '联系人'}-${stamp(clock, input.timeZone)}.${input.format}`;
      const params: ExportContactsParams = {
        input,
        file,
        fileName,
        actor: { id: user.id, name: user.name, role: user.role },
        version,
      };
      const job = jobs.start('contacts.export', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.grid': async (input, { session }) => {
      const user = session.requireUser();
      const file = exportFile(input.format);
      const stem = GRID_EXPORTS[input.grid].fileStem[input.lang === 'en' ? 'en' : 'zh'];
      const fileName = `${stem}-${stamp(clock, input.timeZone)}.${input.format}`;
      // The list's scope: a specialist exports what their list shows, their teams' records.
      const params: ExportGridParams = {
        input,
        file,
        fileName,
        actorName: user.name,
        teamOf: teamScope(user),
        version,
      };
      const job = jobs.start('grid.export', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.pareto': async (input, { session }) => {
      const user = session.requireUser();
      const file = exportFile(input.format);
      const stem = input.lang === 'en' ? 'account-value-20-80' : '客户价值20-80';
      const fileName = `${stem}-${stamp(clock, input.timeZone)}.${input.format}`;
      // The accounts the viewer ranks on the page: a specialist's teams', or the whole store.
      const cutoffs = input.cutoffs ?? (await getValueSettings(db)).cutoffs;
      const params: ExportParetoParams = {
        input: { ...input, cutoffs },
        file,
        fileName,
        actorName: user.name,
        teamOf: teamScope(user),
        version,
      };
      const job = jobs.start('pareto.export', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.table': async (input, { session }) => {
      const user = session.requireUser();
      const file = exportFile(input.format);
      // The title names the file too, without characters a file system refuses.
      const base = input.title.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60);
      const fileName = `${base}-${stamp(clock, input.timeZone)}.${input.format}`;
      const params: ExportTableParams = { input, file, fileName, actorName: user.name, version };
      const job = jobs.start('table.export', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.filingReport': async (input, { session }) => {
      const user = session.requireUser();
      await mustGetTemplate(db, input.templateId);
      await mustHaveDealer(db);
      const file = exportFile('xlsx');
      const zh = input.lang === 'zh-CN';
      const fileName = `${zh ? '大客户销售报备表' : 'filing-report'}-${input.from}-${input.to}-${stamp(clock, 'Asia/Shanghai')}.xlsx`;
      const params: ReportParams = { input, dataDir, file, fileName };
      const job = jobs.start('reports.filing', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.claimDossier': async ({ claimId, lang }, { session }) => {
      const user = session.requireUser();
      await requireClaimRead(db, user, claimId);
      const claim = await mustGetClaim(db, clock, dataDir, claimId);
      const file = exportFile('xlsx');
      const zh = lang === 'zh-CN';
      const fileName = `${zh ? '报备争议材料' : 'claim-dossier'}-${claim.accountName.slice(0, 40)}-${stamp(clock, 'Asia/Shanghai')}.xlsx`;
      const params: DossierParams = { claimId, lang, dataDir, file, fileName };
      const job = jobs.start('claims.dossier', params, user.id);
      files.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'exports.result': async ({ jobId }, { session }) =>
      finished(jobId, session.user?.id ?? null).result,
    'exports.deliver': async ({ jobId }, { session }) => {
      const { file, fileName } = finished(jobId, session.user?.id ?? null);
      return deliverFile(file, fileName, session.user?.id ?? null);
    },
  };
}
