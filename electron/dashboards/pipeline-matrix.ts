/**
 * The pipeline matrix (seed 001's table, by specialist and month): for each stage, owner and
 * expected close month the count, amount, the stage's win rate from the sales settings and the
 * weighted amount (amount × win rate, rounded once per cell); the weighted forecast by month of the
 * open stages; each owner's realised win rate. A read of the read worker.
 */
import type { Kysely } from 'kysely';
import type { PipelineInput, PipelineMatrix } from '../../shared/schemas/dashboards';
import { isOpenStage, type Stage } from '../../shared/sales-enums';
import type { Database } from '../db/schema';
import { probabilitiesOf } from '../opportunities/repository';
import { teamOf, type ReadScope } from '../reads/scope';
import { getSalesSettings } from '../settings/sales-settings';
import { pipelineGroups, staffNames } from './pipeline-repository';
import { percentOf } from './percent';

/** Day groups folded into month cells (stage, owner, YYYY-MM), in the order first met. */
export function foldMonths(
  groups: {
    day: string;
    stage: Stage;
    owner_id: number | null;
    n: number;
    amount: number | null;
  }[],
): { stage: Stage; ownerId: number | null; month: string; count: number; amountFen: number }[] {
  const cells = new Map<
    string,
    { stage: Stage; ownerId: number | null; month: string; count: number; amountFen: number }
  >();
  for (const g of groups) {
    const month = g.day.slice(0, 7);
    const key = `${g.stage}|${g.owner_id}|${month}`;
    const cell = cells.get(key);
    if (cell) {
      cell.count += Number(g.n);
      cell.amountFen += Number(g.amount ?? 0);
    } else
      cells.set(key, {
        stage: g.stage,
        ownerId: g.owner_id,
        month,
        count: Number(g.n),
        amountFen: Number(g.amount ?? 0),
      });
  }
  return [...cells.values()];
}

export async function pipelineMatrix(
  db: Kysely<Database>,
  input: PipelineInput,
  scope: ReadScope,
): Promise<PipelineMatrix> {
  const p = probabilitiesOf((await getSalesSettings(db)).probabilities);
  const cells = foldMonths(await pipelineGroups(db, input, teamOf(scope))).map((g) => ({
    ...g,
    probability: p[g.stage],
    weightedFen: Math.round((g.amountFen * p[g.stage]) / 100),
  }));

  const forecast = new Map<string, { count: number; amountFen: number; weightedFen: number }>();
  const outcomes = new Map<number | null, { won: number; lost: number }>();
  for (const c of cells) {
    if (isOpenStage(c.stage)) {
      const f = forecast.get(c.month) ?? { count: 0, amountFen: 0, weightedFen: 0 };
      f.count += c.count;
      f.amountFen += c.amountFen;
      f.weightedFen += c.weightedFen;
      forecast.set(c.month, f);
    }
    const o = outcomes.get(c.ownerId) ?? { won: 0, lost: 0 };
    if (c.stage === 'won') o.won += c.count;
    if (c.stage === 'lost') o.lost += c.count;
    outcomes.set(c.ownerId, o);
  }

  const ownerIds = [...outcomes.keys()];
  const names = await staffNames(
    db,
    ownerIds.filter((id) => id !== null),
  );
  const owners = ownerIds
    .map((id) => ({ id, name: id === null ? null : (names.get(id) ?? null) }))
    .sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity));
  return {
    from: input.from,
    to: input.to,
    cells,
    owners,
    forecast: [...forecast]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, f]) => ({ month, ...f })),
    winRates: owners.map(({ id }) => {
      const o = outcomes.get(id) ?? { won: 0, lost: 0 };
      return { ownerId: id, ...o, winRate: percentOf(o.won, o.won + o.lost) };
    }),
  };
}
