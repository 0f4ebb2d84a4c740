/**
 * The deadlines table: every dated item of tenders, contracts, opportunities, activities and
 * follow-ups, written by their services in the same transaction as the source row. `syncDeadlines`
 * makes the rows of one source equal to what it lists now.
 */
import type { Kysely } from 'kysely';
import type { DeadlineKind } from '../../shared/sales-enums';
import { chinaDate } from '../../shared/dates';
import type { Database } from '../db/schema';
import { noteColumns, type SystemNote } from '../../shared/system-notes';

export type DeadlineEntity =
  'tender' | 'contract' | 'opportunity' | 'activity' | 'follow_up' | 'claim';

interface DeadlineItem {
  kind: DeadlineKind;
  /** A date (YYYY-MM-DD) or a UTC instant; an instant falls on its China date. */
  due: string | null;
  title: string;
  /** A coded qualifier of the title, put into words by the reader (shared/system-notes.ts). */
  note?: SystemNote | null;
  accountId: number | null;
  ownerId: number | null;
  doneAt?: string | null;
}

export async function syncDeadlines(
  trx: Kysely<Database>,
  entity: DeadlineEntity,
  entityId: number,
  items: DeadlineItem[],
): Promise<void> {
  const dated = items.filter((i): i is DeadlineItem & { due: string } => i.due !== null);
  let remove = trx
    .deleteFrom('deadlines')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId);
  if (dated.length > 0)
    remove = remove.where(
      'kind',
      'not in',
      dated.map((i) => i.kind),
    );
  await remove.execute();
  for (const item of dated) {
    const timed = item.due.length > 10;
    const row = {
      title: item.title,
      note_code: noteColumns(item.note).code,
      note_params: noteColumns(item.note).params,
      account_id: item.accountId,
      owner_id: item.ownerId,
      due_on: timed ? chinaDate(item.due) : item.due,
      due_at: timed ? item.due : null,
      done_at: item.doneAt ?? null,
    };
    await trx
      .insertInto('deadlines')
      .values({ kind: item.kind, entity, entity_id: entityId, ...row })
      .onConflict((oc) => oc.columns(['entity', 'entity_id', 'kind']).doUpdateSet(row))
      .execute();
  }
}

export async function dropDeadlines(
  trx: Kysely<Database>,
  entity: DeadlineEntity,
  entityId: number,
): Promise<void> {
  await trx
    .deleteFrom('deadlines')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .execute();
}
