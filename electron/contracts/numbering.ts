/**
 * Contract numbering and the contract a won tender drafts. The pattern (合同编号规则) is a setting
 * of its own; the next number is one past the highest sequence any existing contract uses in the
 * same frame (prefix and suffix for today), so a number that exists is never given again. The
 * draft is a read: it prefills the contract form from the won lots and writes nothing.
 */
import { type Kysely, sql } from 'kysely';
import { chinaDate } from '../../shared/dates';
import {
  DEFAULT_CONTRACT_NUMBER_PATTERN,
  frameOf,
  nextNumber,
  numberKey,
  parsePattern,
} from '../../shared/contract-number';
import { AppError } from '../../shared/result';
import {
  type ContractDraft,
  type ContractNumbering,
  contractNumbering,
} from '../../shared/schemas/contract-numbering';
import type { Database } from '../db/schema';
import { storedSettings } from '../settings/stored-settings';

export const DEFAULT_CONTRACT_NUMBERING: ContractNumbering = {
  pattern: DEFAULT_CONTRACT_NUMBER_PATTERN,
};

const stored = storedSettings(
  'contract_numbering',
  contractNumbering,
  DEFAULT_CONTRACT_NUMBERING,
  'settings.contract_numbering',
);
export const getContractNumbering = stored.get;
export const setContractNumbering = stored.set;

/** The stored pattern was validated when saved; should it not parse, the default numbers. */
function partsOf(pattern: string) {
  const parsed = parsePattern(pattern);
  if (parsed.ok) return parsed.parts;
  const fallback = parsePattern(DEFAULT_CONTRACT_NUMBER_PATTERN);
  if (!fallback.ok) throw new Error('the default contract number pattern does not parse');
  return fallback.parts;
}

/** The next free contract number for the business date (today unless given). */
export async function nextContractNumber(
  db: Kysely<Database>,
  date: string = chinaDate(),
): Promise<{ number: string; pattern: string }> {
  const { pattern } = await getContractNumbering(db);
  const frame = frameOf(partsOf(pattern), date);
  const prefix = numberKey(frame.before);
  const rows = await db
    .selectFrom('contracts')
    .select('number_key')
    .where(sql<boolean>`substr(number_key, 1, ${prefix.length}) = ${prefix}`)
    .execute();
  return {
    number: nextNumber(
      frame,
      rows.map((r) => r.number_key),
    ),
    pattern,
  };
}

const modelKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A contract prefilled from a tender we won: purchaser, won lots (model, quantity, awarded price). */
export async function draftFromTender(
  db: Kysely<Database>,
  tenderId: number,
): Promise<ContractDraft> {
  const tender = await db
    .selectFrom('tenders as t')
    .innerJoin('accounts as a', 'a.id', 't.purchaser_id')
    .leftJoin('opportunities as o', 'o.id', 't.opportunity_id')
    .select([
      't.id',
      't.project_no',
      't.status',
      't.purchaser_id',
      'a.name as purchaser_name',
      't.opportunity_id',
      'o.title as opportunity_title',
    ])
    .where('t.id', '=', tenderId)
    .executeTakeFirst();
  if (!tender) throw new AppError('NOT_FOUND', `tender #${tenderId} does not exist`);
  const won = await db
    .selectFrom('tender_lots')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .where('result', '=', 'won')
    .orderBy('position')
    .execute();
  if (tender.status !== 'awarded' || won.length === 0)
    throw new AppError(
      'POLICY',
      `tender ${tender.project_no} has no lot won by us; there is no contract to draft from it`,
      { kind: 'contract.tender_not_won' },
    );
  const prices = await db
    .selectFrom('price_list')
    .select(['id', 'model', 'configuration'])
    .execute();
  const lines = won.map((l) => {
    const model = l.winner_model ?? l.bid_model;
    const key = model ? modelKey(model) : null;
    // A bid names the model, or the model with its configuration (迈腾 330TSI 公务版).
    const full = prices.filter((p) => modelKey(`${p.model}${p.configuration ?? ''}`) === key);
    const matches = full.length > 0 ? full : prices.filter((p) => modelKey(p.model) === key);
    return {
      lotNo: l.lot_no,
      model,
      // Two configurations of one model: the user chooses.
      priceId: matches.length === 1 ? matches[0]!.id : null,
      quantity: l.quantity,
      unitPriceFen:
        l.winning_amount_fen === null ? null : Math.round(l.winning_amount_fen / l.quantity),
      awardFen: l.winning_amount_fen,
    };
  });
  const amounts = won.map((l) => l.winning_amount_fen).filter((a): a is number => a !== null);
  return {
    number: (await nextContractNumber(db)).number,
    accountId: tender.purchaser_id,
    accountName: tender.purchaser_name,
    partyName: tender.purchaser_name,
    opportunity:
      tender.opportunity_id !== null && tender.opportunity_title !== null
        ? { id: tender.opportunity_id, title: tender.opportunity_title }
        : null,
    tender: { id: tender.id, projectNo: tender.project_no },
    awardFen: amounts.length > 0 ? amounts.reduce((a, b) => a + b, 0) : null,
    lines,
  };
}
