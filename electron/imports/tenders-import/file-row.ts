/**
 * The tender import's file rows: one row's cells read as typed values (money in fen, dates ISO,
 * instants UTC, codes for methods and results) or the reasons it cannot be, and the small readers
 * the later steps take those values with.
 */
import {
  TENDER_DATE_FIELDS,
  TENDER_MONEY_FIELDS,
  TENDER_TIME_FIELDS,
  type TenderImportField,
} from '../../../shared/import/tender-fields';
import { enumFromText } from '../../../shared/import/enum-text';
import { PROCUREMENT_METHODS, type LotResult } from '../../../shared/sales-enums';
import type { ImportReason } from '../../../shared/schemas/imports';
import { cleanText } from '../../../shared/text';
import { normalizeUscc, usccProblem } from '../../../shared/uscc';
import {
  chinaInstant,
  isValidIsoDate,
  parseDateText,
  parseTimeText,
} from '../../../shared/values/date';
import { moneyUnitOfHeader, parseMoneyToFen } from '../../../shared/values/money';
import { cellAsText, type NormalCell } from '../../excel/read/cell-value';
import { reason } from '../account-row';

export type Field = TenderImportField;
export type Values = Partial<Record<Field, string | number>>;

/** A data row of the file: its cells as text (for the rejects file), values and reasons. */
export interface FileRow {
  row: number;
  cells: string[];
  values: Values;
  reasons: ImportReason[];
  warnings: ImportReason[];
}

const MAX_LENGTH: Partial<Record<Field, number>> = {
  projectNo: 100,
  tenderName: 300,
  purchaser: 200,
  agency: 200,
  openingPlace: 200,
  lotNo: 20,
  lotName: 200,
  requirements: 2000,
  bidModel: 80,
  winnerName: 200,
  winnerBrand: 50,
  winnerModel: 80,
  tenderNotes: 5000,
  announcementUrl: 1000,
};

const RESULT_WORDS: Record<LotResult, string[]> = {
  won: ['我方中标', '中标', '已中标', '成交', 'won', 'win'],
  lost: ['他人中标', '未中标', '落标', '失标', 'lost', 'lose'],
  failed: ['流标', '废标', '未成交', 'failed', 'no award'],
  pending: ['待定', '未开标', '评审中', 'pending'],
};

function resultOf(text: string): LotResult | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  for (const [result, words] of Object.entries(RESULT_WORDS) as [LotResult, string[]][])
    if (words.includes(t)) return result;
  return null;
}

/** One row's cells → typed values (money in fen, dates ISO, instants UTC) or reasons. */
export function parseRow(
  cells: readonly NormalCell[],
  columns: readonly (readonly [number, Field])[],
  headers: readonly string[],
): Pick<FileRow, 'values' | 'reasons' | 'warnings'> {
  const values: Values = {};
  const reasons: ImportReason[] = [];
  const warnings: ImportReason[] = [];
  for (const [index, field] of columns) {
    const cell = cells[index] ?? { kind: 'empty' };
    if (cell.kind === 'empty') continue;
    if (cell.kind === 'error' || cell.kind === 'image') {
      reasons.push(
        reason(
          cell.kind === 'error' ? 'cell_error' : 'image',
          field,
          cell.kind === 'error' ? cell.code : null,
        ),
      );
      continue;
    }
    const text = cleanText(cellAsText(cell));
    if (!text) continue;
    const max = MAX_LENGTH[field];
    if (max !== undefined && text.length > max) {
      reasons.push(reason('too_long', field, text.slice(0, 40), String(max)));
      continue;
    }
    if (TENDER_MONEY_FIELDS.includes(field)) {
      const fen = parseMoneyToFen(
        cell.kind === 'number' ? cell.value : text,
        moneyUnitOfHeader(headers[index] ?? '') ?? 'yuan',
      );
      if (fen === null || fen < 0) reasons.push(reason('money.invalid', field, text));
      else values[field] = fen;
    } else if (TENDER_DATE_FIELDS.includes(field)) {
      const iso = cell.kind === 'date' ? cell.iso : parseDateText(text);
      if (!iso || !isValidIsoDate(iso)) reasons.push(reason('date.invalid', field, text));
      else values[field] = iso;
    } else if (TENDER_TIME_FIELDS.includes(field)) {
      const iso = cell.kind === 'date' ? cell.iso : parseDateText(text);
      const time =
        cell.kind === 'date' ? (cell.time ?? null) : parseTimeText(text.replace(/^\S+/, ''));
      if (!iso || !isValidIsoDate(iso)) reasons.push(reason('date.invalid', field, text));
      // Without a time the working day's usual 09:00 is assumed, and said.
      else {
        if (!time) warnings.push(reason('time.assumed', field, text));
        values[field] = chinaInstant(iso, time ?? '09:00');
      }
    } else if (field === 'quantity') {
      const n = cell.kind === 'number' ? cell.value : Number(text.replace(/[台辆]$/, ''));
      if (!Number.isInteger(n) || n < 1 || n > 100_000)
        reasons.push(reason('number.invalid', field, text));
      else values[field] = n;
    } else if (field === 'method') {
      const code = enumFromText(PROCUREMENT_METHODS, text, {
        framework: ['协议供货', '定点采购', '框架协议'],
      });
      if (code === null)
        reasons.push(
          reason(
            'enum.unknown',
            field,
            text,
            Object.values(PROCUREMENT_METHODS)
              .map((l) => l.zh)
              .join('、'),
          ),
        );
      else values[field] = code;
    } else if (field === 'purchaserUscc') {
      const uscc = normalizeUscc(text);
      const problem = usccProblem(uscc);
      if (problem) reasons.push(reason(`uscc.${problem}`, field, text));
      else values[field] = uscc;
    } else if (field === 'result') {
      const result = resultOf(text);
      if (!result) reasons.push(reason('result.unknown', field, text));
      else values[field] = result;
    } else if (field === 'announcementUrl') {
      if (!/^https?:\/\/\S+$/i.test(text)) reasons.push(reason('url.invalid', field, text));
      else values[field] = text;
    } else values[field] = text;
  }
  return { values, reasons, warnings };
}

export const text = (v: Values, f: Field) => (v[f] === undefined ? null : String(v[f]));
export const num = (v: Values, f: Field) => (v[f] === undefined ? null : Number(v[f]));

/** A value of the first row of a tender that has it (later rows usually repeat it). */
export function first(rows: FileRow[], f: Field): string | number | undefined {
  for (const r of rows) if (r.values[f] !== undefined) return r.values[f];
  return undefined;
}

/** Which lot of its tender a row gives: its lot number, or lot 1. */
export function lotKey(v: Values): string {
  return (text(v, 'lotNo') ?? '1').normalize('NFKC').toUpperCase();
}
