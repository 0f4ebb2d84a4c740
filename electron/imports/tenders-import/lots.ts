/**
 * A tender's lots and awards as the file gives them: the file's rows merged into the tender's
 * stored lots (matched by lot number, each change noted), and the results it reports for lots
 * still pending — a winner naming the dealership counts as won.
 */
import { AppError } from '../../../shared/result';
import type { LotResult } from '../../../shared/sales-enums';
import type { ImportChange } from '../../../shared/schemas/imports';
import type { TenderDetail, TenderInput } from '../../../shared/schemas/tenders';
import { normalizeOrgName } from '../../../shared/text';
import { type FileRow, lotKey, num, text } from './file-row';

/** The lot columns of the file and the lot fields they fill, in the order changes are noted. */
const LOT_FIELDS = [
  ['lotName', 'name'],
  ['requirements', 'requirements'],
  ['quantity', 'quantity'],
  ['lotBudget', 'budgetFen'],
  ['bidAmount', 'bidAmountFen'],
  ['bidModel', 'bidModel'],
] as const;

/**
 * The tender's lots after the file: a row for a known lot fills what it gives over the stored
 * values; a row for a new lot adds it (and needs its quantity). `changes` lists what moved on a
 * stored tender (`base`).
 */
export function lotsFromFile(
  rows: FileRow[],
  base: TenderDetail | null,
): { lots: TenderInput['lots']; changes: ImportChange[] } {
  const changes: ImportChange[] = [];
  const lots: TenderInput['lots'] = (base?.lots ?? []).map((l) => ({
    id: l.id,
    lotNo: l.lotNo,
    name: l.name,
    requirements: l.requirements,
    quantity: l.quantity,
    budgetFen: l.budgetFen,
    bidAmountFen: l.bidAmountFen,
    bidModel: l.bidModel,
  }));
  for (const r of rows) {
    const v = r.values;
    const at = lots.findIndex((l) => l.lotNo.normalize('NFKC').toUpperCase() === lotKey(v));
    const given = {
      lotNo: text(v, 'lotNo') ?? (at >= 0 ? lots[at]!.lotNo : '1'),
      name: text(v, 'lotName') ?? (at >= 0 ? lots[at]!.name : null),
      requirements: text(v, 'requirements') ?? (at >= 0 ? lots[at]!.requirements : null),
      quantity: num(v, 'quantity') ?? (at >= 0 ? lots[at]!.quantity : 0),
      budgetFen: num(v, 'lotBudget') ?? (at >= 0 ? lots[at]!.budgetFen : null),
      bidAmountFen: num(v, 'bidAmount') ?? (at >= 0 ? lots[at]!.bidAmountFen : null),
      bidModel: text(v, 'bidModel') ?? (at >= 0 ? lots[at]!.bidModel : null),
    };
    if (at >= 0) {
      const before = lots[at]!;
      for (const [f, k] of LOT_FIELDS)
        if (given[k] !== before[k])
          changes.push({
            field: f,
            before: before[k] === null ? null : String(before[k]),
            after: given[k] === null ? null : String(given[k]),
          });
      lots[at] = { ...before, ...given };
    } else {
      if (given.quantity < 1)
        throw new AppError('VALIDATION', 'a new lot needs its quantity', {
          fields: [{ path: 'quantity', code: 'required', message: 'required' }],
        });
      if (base) changes.push({ field: 'lotNo', before: null, after: given.lotNo });
      lots.push(given);
    }
  }
  return { lots, changes };
}

/** A winner column naming us: the dealership's own name, or 我方 / 本公司 as trackers write it. */
function isUs(winner: string, dealerName: string): boolean {
  if (['我方', '本公司', '我公司', '我司'].includes(winner.trim())) return true;
  return dealerName !== '' && normalizeOrgName(winner) === normalizeOrgName(dealerName);
}

/** The award given in the file for the tender's lots, if any. */
export function resultsOf(rows: FileRow[], tender: TenderDetail, dealerName: string) {
  return rows.flatMap((r) => {
    const v = r.values;
    const lot = tender.lots.find((l) => l.lotNo.normalize('NFKC').toUpperCase() === lotKey(v));
    if (!lot || lot.result !== 'pending') return [];
    const winner = text(v, 'winnerName');
    let result = v.result as LotResult | undefined;
    if (!result && winner) result = isUs(winner, dealerName) ? 'won' : 'lost';
    if (!result || result === 'pending') return [];
    return [
      {
        lotId: lot.id,
        result,
        winnerName: winner,
        winnerBrand: text(v, 'winnerBrand'),
        winnerModel: text(v, 'winnerModel'),
        winningAmountFen: num(v, 'winningAmount'),
      },
    ];
  });
}
