/**
 * Contract numbering (合同编号规则) and the contract a won tender drafts: the pattern setting, the
 * next number it gives, and the lines prefilled from the won lots.
 */
import { z } from 'zod';
import { patternProblem } from '../contract-number';
import { id } from './common';

export const contractNumbering = z.object({
  /** E.g. HT{yyyy}-{seq:4}: {yyyy} {yy} {mm} from today, {seq:N} the next free number. */
  pattern: z
    .string()
    .trim()
    .max(60)
    .superRefine((p, ctx) => {
      const problem = patternProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { reason: problem } });
    }),
});
export type ContractNumbering = z.infer<typeof contractNumbering>;

export const nextContractNumber = z.object({
  number: z.string(),
  pattern: z.string(),
});

const draftLine = z.object({
  lotNo: z.string(),
  /** The won model (or our bid model) as the tender recorded it. */
  model: z.string().nullable(),
  /** The price-list entry of that model, when exactly one matches. */
  priceId: id.nullable(),
  quantity: z.number().int(),
  /** The awarded unit price: the lot's winning amount over its quantity, to the fen. */
  unitPriceFen: z.number().int().nullable(),
  awardFen: z.number().int().nullable(),
});

export const contractDraft = z.object({
  number: z.string(),
  accountId: id,
  accountName: z.string(),
  /** The purchaser signs (a procurement centre may sign instead: the form lets the user change it). */
  partyName: z.string(),
  opportunity: z.object({ id, title: z.string() }).nullable(),
  tender: z.object({ id, projectNo: z.string() }),
  /** The won lots' awarded amounts together; null when no amount was recorded. */
  awardFen: z.number().int().nullable(),
  lines: z.array(draftLine),
});
export type ContractDraft = z.infer<typeof contractDraft>;
