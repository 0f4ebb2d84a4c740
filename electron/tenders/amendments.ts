/**
 * Amending an announced tender (更正公告): the published schedule changes only this way, and each
 * amendment keeps the old and new value of every field it changed, so the card's trail always ends
 * at what the tender shows.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError, fieldIssue } from '../../shared/result';
import type { TenderDetail, TenderSchedule } from '../../shared/schemas/tenders';
import { AMENDABLE_FIELDS } from '../../shared/tender-amendments';
import type { Database } from '../db/schema';
import { takeVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import {
  auditTender,
  guardDates,
  guardOpen,
  mustGetTender,
  scheduleColumns,
  scheduleOf,
} from './record';
import { insertAmendment, updateTenderRow } from './record-repository';
import { refreshTender } from './upkeep';

export async function amendTender(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: {
    id: number;
    publishedOn: string;
    summary: string;
    changes: Partial<TenderSchedule>;
    version?: number | undefined;
  },
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, clock, input.id);
    await takeVersion(trx, 'tenders', input.id, input.version, actorId, isoNow(clock));
    guardOpen(before, 'an amendment');
    if (before.status === 'awarded')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} is already awarded; an amendment no longer applies`,
        {
          kind: 'tender.awarded',
        },
      );
    const current = scheduleOf(before);
    const next: TenderSchedule = { ...current };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of AMENDABLE_FIELDS) {
      const value = input.changes[field];
      if (value === undefined || value === current[field]) continue;
      changes[field] = [current[field], value];
      (next as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length === 0)
      throw new AppError('VALIDATION', 'the amendment changes nothing', {
        kind: 'tender.amendment_empty',
        ...fieldIssue('changes', 'tender.amendment_empty'),
      });
    if (next.announcedOn && input.publishedOn < next.announcedOn)
      throw new AppError('VALIDATION', 'an amendment cannot be published before the announcement', {
        kind: 'tender.amendment_before_announcement',
        fields: [
          {
            path: 'publishedOn',
            code: 'tender.amendment_before_announcement',
            message: 'tender.amendment_before_announcement',
          },
        ],
      });
    guardDates({
      ...next,
      bondPaidOn: before.bondPaidOn,
      bondRefundedOn: before.bondRefundedOn,
      publicityEndOn: before.publicityEndOn,
      awardedOn: before.awardedOn,
    });
    const now = isoNow(clock);
    await updateTenderRow(trx, input.id, {
      ...scheduleColumns(next),
      updated_at: now,
      updated_by: actorId,
    });
    await insertAmendment(trx, {
      tender_id: input.id,
      published_on: input.publishedOn,
      summary: input.summary,
      changes_json: JSON.stringify(changes),
      recorded_at: now,
      recorded_by: actorId,
    });
    await refreshTender(trx, clock, input.id);
    const after = await mustGetTender(trx, clock, input.id);
    await auditTender(trx, clock, actorId, input.id, {
      action: 'tender.amend',
      after: { publishedOn: input.publishedOn, summary: input.summary, changes },
    });
    return after;
  });
}
