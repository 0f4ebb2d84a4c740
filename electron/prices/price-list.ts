/** The price list: market retail price and policy floor per model, maintained by managers. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { PriceListEntry, PriceListInput } from '../../shared/schemas/contracts';
import { AppError, fieldIssue } from '../../shared/result';
import { searchKey } from '../../shared/text';
import { appendAudit } from '../audit/audit';
import type { Database, PriceListTable } from '../db/schema';
import { writeTx } from '../db/tx';
import { containsPattern } from '../grid/query';
import { type Clock, isoNow } from '../../shared/clock';

/** Model and configuration folded for width, case and spacing: one entry per variant. */
export function modelKey(model: string, configuration: string | null): string {
  return [model, configuration ?? ''].map((v) => searchKey(v).replace(/\s+/g, '')).join('|');
}

type Row = Selectable<PriceListTable>;

function toEntry(r: Row): PriceListEntry {
  return {
    id: r.id,
    model: r.model,
    configuration: r.configuration,
    retailFen: r.retail_fen,
    floorFen: r.floor_fen,
    updatedAt: r.updated_at,
  };
}

export async function listPrices(
  db: Kysely<Database>,
  q: string,
  offset: number,
  limit: number,
): Promise<{ rows: PriceListEntry[]; total: number }> {
  let query = db.selectFrom('price_list');
  const key = searchKey(q);
  if (key)
    query = query.where(
      sql<boolean>`lower(model || ' ' || coalesce(configuration, '')) like ${containsPattern(key)} escape '\\'`,
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('model')
      .orderBy('configuration')
      .offset(offset)
      .limit(limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toEntry), total: Number(count.n) };
}

async function getPrice(db: Kysely<Database>, id: number): Promise<PriceListEntry | null> {
  const r = await db.selectFrom('price_list').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEntry(r) : null;
}

export async function savePrice(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number | null,
  entry: PriceListInput,
): Promise<PriceListEntry> {
  return writeTx(db, async (trx) => {
    const key = modelKey(entry.model, entry.configuration);
    const taken = await trx
      .selectFrom('price_list')
      .select('id')
      .where('model_key', '=', key)
      .executeTakeFirst();
    if (taken && taken.id !== id)
      throw new AppError(
        'CONFLICT',
        `${entry.model} ${entry.configuration ?? ''} is already on the price list`.trim(),
        {
          kind: 'price.model_taken',
          ...fieldIssue('entry.model', 'price.model_taken'),
        },
      );
    const before = id === null ? null : await getPrice(trx, id);
    if (id !== null && !before)
      throw new AppError('NOT_FOUND', `price list entry #${id} does not exist`);
    const values = {
      model: entry.model,
      configuration: entry.configuration,
      model_key: key,
      retail_fen: entry.retailFen,
      floor_fen: entry.floorFen,
      updated_at: isoNow(clock),
      updated_by: actorId,
    };
    const saved =
      id === null
        ? (
            await trx
              .insertInto('price_list')
              .values(values)
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (await trx.updateTable('price_list').set(values).where('id', '=', id).execute(), id);
    const after = (await getPrice(trx, saved))!;
    await appendAudit(trx, clock, {
      actorId,
      entity: 'price',
      entityId: saved,
      action: id === null ? 'price.create' : 'price.update',
      ...(before ? { before } : {}),
      after,
    });
    return after;
  });
}

export async function deletePrice(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const before = await getPrice(trx, id);
    if (!before) throw new AppError('NOT_FOUND', `price list entry #${id} does not exist`);
    const used = await trx
      .selectFrom('contract_lines')
      .select('id')
      .where('price_id', '=', id)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        'POLICY',
        `${before.model} is used by contract lines; change its prices instead`,
        {
          kind: 'price.in_use',
        },
      );
    await trx.deleteFrom('price_list').where('id', '=', id).execute();
    await appendAudit(trx, clock, {
      actorId,
      entity: 'price',
      entityId: id,
      action: 'price.delete',
      before,
    });
  });
}
