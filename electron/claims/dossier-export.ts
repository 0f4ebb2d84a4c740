/**
 * The dispute dossier written as .xlsx, in an export job (a worker): the claim's facts, the
 * conflict ranking when there is one, and the dated timeline (dossier.ts).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { BUYER_TYPES } from '../../shared/enums';
import {
  AUTH_STATES,
  CLAIM_ACTIONS,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  CONFLICT_RULES,
  DOCUMENT_KINDS,
} from '../../shared/filing-enums';
import type { Label } from '../../shared/enums';
import { ACTIVITY_TYPES } from '../../shared/sales-enums';
import type { ExportResult } from '../../shared/schemas/exports';
import { wallClock } from '../excel/wall-clock';
import type { JobFunction } from '../jobs/context';
import { auditHeadPair } from '../audit/head';
import { buildDossier } from './dossier';

export interface DossierParams {
  claimId: number;
  lang: 'zh-CN' | 'en';
  dataDir: string;
  file: string;
  fileName: string;
}

const TIME_ZONE = 'Asia/Shanghai';

export const dossierJob: JobFunction<DossierParams> = async (ctx) => {
  const { claimId, lang, dataDir, file, fileName } = ctx.params;
  const zh = lang === 'zh-CN';
  const word = (l: Label | undefined, fallback: string) => (l ? (zh ? l.zh : l.en) : fallback);
  ctx.progress(0, 1);
  const { claim, dossier } = await buildDossier(ctx.db, ctx.clock, dataDir, claimId);
  const toLocal = wallClock(TIME_ZONE);
  const when = (at: string | null): Date | string =>
    at === null ? '' : at.length === 10 ? new Date(`${at}T00:00:00Z`) : (toLocal(at) ?? at);

  const dateFormat = zh ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd';
  const dateTimeFormat = zh ? 'yyyy"年"m"月"d"日" hh:mm' : 'yyyy-mm-dd hh:mm';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(zh ? '争议材料' : 'Dispute dossier', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 20 }, { width: 16 }, { width: 22 }, { width: 60 }, { width: 12 }];
  const title = sheet.addRow([
    zh ? `客户报备争议材料 — ${claim.accountName}` : `Claim dispute dossier — ${claim.accountName}`,
  ]);
  sheet.mergeCells(title.number, 1, title.number, 5);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const facts: [string, string | Date, string?][] = [
    [zh ? '客户' : 'Account', claim.accountName],
    [zh ? '统一社会信用代码' : 'USCC', claim.uscc ?? ''],
    [zh ? '客户类型' : 'Buyer type', word(BUYER_TYPES[claim.buyerType], claim.buyerType)],
    [zh ? '来源' : 'Source', word(CLAIM_SOURCES[claim.source], claim.source)],
    [
      zh ? '报备人' : 'Claimant',
      claim.source === 'ours' ? (claim.claimant?.name ?? '') : (claim.dealerName ?? ''),
    ],
    [zh ? '状态' : 'Status', word(CLAIM_STATUSES[claim.status], claim.status)],
    [zh ? '报备时间' : 'Filed', when(claim.filedAt), dateTimeFormat],
    [zh ? '保护期至' : 'Protected until', when(claim.expiresOn), dateFormat],
    [zh ? '厂家报备号' : 'OEM reference', claim.oemReference ?? ''],
    [
      zh ? '辖区' : 'Territory',
      `${claim.territoryName} · ${word(AUTH_STATES[claim.authState], claim.authState)}`,
    ],
    [zh ? '客户意愿' : 'Customer’s wish', claim.wish?.note ?? (zh ? '未登记' : 'not recorded')],
    [zh ? '开发记录数' : 'Development records', String(claim.evidenceCount)],
    auditHeadPair(ctx.sqlite, zh),
  ];
  for (const [label, value, format] of facts) {
    const row = sheet.addRow([label, value]);
    sheet.mergeCells(row.number, 2, row.number, 5);
    row.getCell(1).font = { bold: true };
    if (format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left' };
  }

  const header = (cells: string[]) => {
    sheet.addRow([]);
    const row = sheet.addRow(cells);
    row.font = { bold: true };
    row.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = { bottom: { style: 'thin' } };
    });
  };
  if (claim.conflict) {
    header(
      zh
        ? ['排名', '报备方', '客户名称', '报备时间', '开发记录 / 客户意愿']
        : ['Rank', 'Claimant', 'Account', 'Filed', 'Evidence / wish'],
    );
    for (const c of claim.conflict.claims) {
      const row = sheet.addRow([
        c.rank,
        c.claimantName,
        c.accountName,
        when(c.filedAt),
        `${c.evidenceCount} / ${c.customerWish ? (zh ? '有意愿' : 'wish') : '—'}`,
      ]);
      row.getCell(4).numFmt = dateTimeFormat;
    }
    const decided = sheet.addRow([
      zh ? '判定依据' : 'Decided by',
      word(CONFLICT_RULES[claim.conflict.decidedBy], claim.conflict.decidedBy),
    ]);
    decided.font = { bold: true };
  }

  header(
    zh
      ? ['日期时间', '类别', '事项', '内容', '经办人']
      : ['Date / time', 'Category', 'What', 'Detail', 'By'],
  );
  const categories = {
    activity: zh ? '开发活动' : 'Activity',
    claim: zh ? '报备记录' : 'Claim',
    document: zh ? '材料' : 'Document',
  };
  for (const e of dossier.events) {
    const label =
      e.kind === 'activity'
        ? ACTIVITY_TYPES[e.code as keyof typeof ACTIVITY_TYPES]
        : e.kind === 'document'
          ? DOCUMENT_KINDS[e.code as keyof typeof DOCUMENT_KINDS]
          : CLAIM_ACTIONS[e.code as keyof typeof CLAIM_ACTIONS];
    const row = sheet.addRow([
      when(e.at),
      categories[e.kind],
      word(label, e.code),
      e.detail ?? '',
      e.staffName ?? '',
    ]);
    row.getCell(1).numFmt = e.at.length === 10 ? dateFormat : dateTimeFormat;
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
  }
  ctx.checkCancelled();
  const part = `${file}.part`;
  await book.xlsx.writeFile(part);
  fs.renameSync(part, file);
  ctx.progress(1, 1);
  const result: ExportResult = {
    fileName,
    rows: dossier.events.length,
    bytes: fs.statSync(file).size,
  };
  return { result };
};
