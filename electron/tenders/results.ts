/**
 * Recording a tender's award per lot (won, lost, no award) after the opening: the dealer's own
 * name and bid fill a won lot, every lot failed closes the tender as failed, and the outcome moves
 * the linked opportunity (a won lot → commitment; all decided, none won → lost).
 */
import type { Kysely } from 'kysely';
import { type Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError, fieldIssue } from '../../shared/result';
import { isOpenStage } from '../../shared/sales-enums';
import type { ResultsInput, TenderDetail } from '../../shared/schemas/tenders';
import type { Database } from '../db/schema';
import { takeVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { applyStage } from '../opportunities/service';
import { getDealerSettings } from '../settings/dealer-settings';
import { auditTender, guardOpen, mustGetTender } from './record';
import {
  linkedOpportunityStage,
  lotRowsInOrder,
  updateLot,
  updateTenderRow,
} from './record-repository';
import { advanceOpportunity, refreshTender } from './upkeep';

export async function recordResults(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: Omit<ResultsInput, 'version'> & { version?: number | undefined },
): Promise<TenderDetail> {
  const now = clock.now();
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, clock, input.id);
    await takeVersion(trx, 'tenders', input.id, input.version, actorId, now.toISOString());
    guardOpen(before, 'recording results');
    if (before.status === 'planned')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} has not been announced yet; there is nothing to award`,
        {
          kind: 'tender.not_announced',
        },
      );
    if (!before.openingAt)
      throw new AppError(
        'POLICY',
        'record the opening time first: an award comes after the opening',
        {
          kind: 'tender.award_before_opening',
          fields: [
            {
              path: 'awardedOn',
              code: 'tender.award_before_opening',
              message: 'tender.award_before_opening',
            },
          ],
        },
      );
    if (
      Date.parse(before.openingAt) > now.getTime() ||
      input.awardedOn < chinaDate(before.openingAt)
    )
      throw new AppError(
        'POLICY',
        `the bids are opened on ${chinaDate(before.openingAt)}: an award cannot come before the opening`,
        {
          kind: 'tender.award_before_opening',
          fields: [
            {
              path: 'awardedOn',
              code: 'tender.award_before_opening',
              message: 'tender.award_before_opening',
            },
          ],
        },
      );
    if (input.awardedOn > chinaDate(now))
      throw new AppError('VALIDATION', 'the award date is in the future', {
        ...fieldIssue('awardedOn', 'date.future'),
      });
    if (input.publicityEndOn && input.publicityEndOn < chinaDate(before.openingAt))
      throw new AppError('VALIDATION', 'the publicity cannot end before the opening', {
        fields: [
          {
            path: 'publicityEndOn',
            code: 'tender.publicity_before_opening',
            message: 'tender.publicity_before_opening',
          },
        ],
      });
    const lotIds = new Set(before.lots.map((l) => l.id));
    const given = new Set<number>();
    for (const r of input.lots) {
      if (!lotIds.has(r.lotId))
        throw new AppError('VALIDATION', `lot #${r.lotId} is not a lot of this tender`);
      if (given.has(r.lotId)) throw new AppError('VALIDATION', `lot #${r.lotId} is given twice`);
      given.add(r.lotId);
    }
    const dealer = await getDealerSettings(trx);
    for (const r of input.lots) {
      const won = r.result === 'won';
      const lot = before.lots.find((l) => l.id === r.lotId)!;
      await updateLot(trx, r.lotId, {
        result: r.result,
        winner_name: won
          ? (r.winnerName ?? (dealer.name || null))
          : r.result === 'lost'
            ? r.winnerName
            : null,
        winner_brand: won
          ? (r.winnerBrand ?? (dealer.brand || null))
          : r.result === 'lost'
            ? r.winnerBrand
            : null,
        winner_model: won
          ? (r.winnerModel ?? lot.bidModel)
          : r.result === 'lost'
            ? r.winnerModel
            : null,
        winning_amount_fen: won
          ? (r.winningAmountFen ?? lot.bidAmountFen)
          : r.result === 'lost'
            ? r.winningAmountFen
            : null,
      });
    }
    const lots = await lotRowsInOrder(trx, input.id);
    const allFailed = lots.every((l) => l.result === 'failed');
    await updateTenderRow(trx, input.id, {
      status: allFailed ? 'failed' : 'awarded',
      // Every lot 流标: the lots say so; no reason text to translate.
      close_reason: null,
      awarded_on: input.awardedOn,
      publicity_end_on: input.publicityEndOn,
      updated_at: now.toISOString(),
      updated_by: actorId,
    });
    await refreshTender(trx, clock, input.id);
    // The outcome drives the opportunity: a won lot → commitment; every lot decided and none won → lost.
    const oppId = before.opportunityId;
    if (oppId !== null) {
      const opp = await linkedOpportunityStage(trx, oppId);
      if (isOpenStage(opp.stage)) {
        const won = lots.filter((l) => l.result === 'won');
        const pending = lots.some((l) => l.result === 'pending');
        const lost = lots.find((l) => l.result === 'lost');
        if (won.length > 0)
          await advanceOpportunity(trx, clock, actorId, oppId, 'commitment', {
            code: 'tender.won',
            params: { projectNo: before.projectNo },
          });
        else if (!pending && lost)
          await applyStage(
            trx,
            actorId,
            oppId,
            'lost',
            'tender',
            {
              lostReason: 'tender_lost',
              winnerName: [lost.winner_name, lost.winner_brand].filter(Boolean).join(' · ') || null,
              winningPriceFen: lost.winning_amount_fen,
            },
            { code: 'tender.lost', params: { projectNo: before.projectNo } },
            clock,
          );
      }
    }
    const after = await mustGetTender(trx, clock, input.id);
    await auditTender(trx, clock, actorId, input.id, {
      action: 'tender.results',
      before: { status: before.status, lots: before.lots },
      after: {
        status: after.status,
        awardedOn: after.awardedOn,
        publicityEndOn: after.publicityEndOn,
        lots: after.lots,
      },
    });
    return after;
  });
}
