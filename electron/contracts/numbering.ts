/**
 * Contract numbering and the contract a won tender drafts. The pattern (合同编号规则) is a setting
 * of its own; the next number is one past the highest sequence any existing contract uses in the
 * same frame (prefix and suffix for today), so a number that exists is never given again. The
 * draft is a read: it prefills the contract form from the won lots and writes nothing.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
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
import { numberKeysWithPrefix, priceModels, tenderForDraft, wonLots } from './repository/numbering';
import { mustExist } from '../db/must-exist';

const DEFAULT_CONTRACT_NUMBERING: ContractNumbering = {
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

/** The next free contract number for the business date (the clock's today unless given). */
export async function nextContractNumber(
  db: Kysely<Database>,
  clock: Clock,
  date: string = chinaDate(clock.now()),
): Promise<{ number: string; pattern: string }> {
  const { pattern } = await getContractNumbering(db);
  const frame = frameOf(partsOf(pattern), date);
  const keys = await numberKeysWithPrefix(db, numberKey(frame.before));
  return { number: nextNumber(frame, keys), pattern };
}

const modelKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A contract prefilled from a tender we won: purchaser, won lots (model, quantity, awarded price). */
export async function draftFromTender(
  db: Kysely<Database>,
  clock: Clock,
  tenderId: number,
): Promise<ContractDraft> {
  const tender = mustExist(await tenderForDraft(db, tenderId), 'tender', tenderId);
  const won = await wonLots(db, tenderId);
  if (tender.status !== 'awarded' || won.length === 0)
    throw new AppError(
      'POLICY',
      `tender ${tender.project_no} has no lot won by us; there is no contract to draft from it`,
      { kind: 'contract.tender_not_won' },
    );
  const prices = await priceModels(db);
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
    number: (await nextContractNumber(db, clock)).number,
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
