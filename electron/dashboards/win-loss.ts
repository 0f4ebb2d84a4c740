/**
 * Win/loss over a period: opportunities won and lost by buyer type, owner, lead source and the
 * competitor brands named on them; lost reasons (codes, shared/sales-enums LOST_REASONS); and the
 * competitors' unit prices per model from the tender lots they won. A read of the read worker.
 */
import type { Kysely } from 'kysely';
import type { WinLoss, WinLossInput } from '../../shared/schemas/dashboards';
import type { Database } from '../db/schema';
import { teamOf, type ReadScope } from '../reads/scope';
import { percentOf } from './percent';
import { staffNames } from './pipeline-repository';
import {
  competitorLots,
  lostReasons,
  outcomeGroups,
  outcomesByCompetitor,
} from './win-loss-repository';

interface Outcome {
  won: number;
  lost: number;
  wonFen: number;
  lostFen: number;
  winRate: number | null;
}

/** Folds (key, stage) groups into one outcome per key, largest total first. */
function fold<K>(
  groups: { key: K; stage: 'won' | 'lost'; n: number; amount: number | null }[],
): ({ key: K } & Outcome)[] {
  const byKey = new Map<K, Outcome>();
  for (const g of groups) {
    const o = byKey.get(g.key) ?? { won: 0, lost: 0, wonFen: 0, lostFen: 0, winRate: null };
    if (g.stage === 'won') {
      o.won += Number(g.n);
      o.wonFen += Number(g.amount ?? 0);
    } else {
      o.lost += Number(g.n);
      o.lostFen += Number(g.amount ?? 0);
    }
    byKey.set(g.key, o);
  }
  return [...byKey]
    .map(([key, o]) => ({ key, ...o, winRate: percentOf(o.won, o.won + o.lost) }))
    .sort((a, b) => b.won + b.lost - (a.won + a.lost));
}

export async function winLoss(
  db: Kysely<Database>,
  input: WinLossInput,
  scope: ReadScope,
): Promise<WinLoss> {
  const team = teamOf(scope);
  const groups = await outcomeGroups(db, input, team);
  const by = <K>(key: (g: (typeof groups)[number]) => K) =>
    fold(groups.map((g) => ({ key: key(g), stage: g.stage, n: g.n, amount: g.amount })));
  const byOwner = by((g) => g.owner_id);
  const names = await staffNames(
    db,
    byOwner.flatMap((o) => (o.key === null ? [] : [o.key])),
  );
  const lots = await competitorLots(db, input, team);
  return {
    from: input.from,
    to: input.to,
    byBuyerType: by((g) => g.buyer_type),
    byOwner: byOwner.map((o) => ({
      ...o,
      name: o.key === null ? null : (names.get(o.key) ?? null),
    })),
    bySource: by((g) => g.source),
    byCompetitor: fold(await outcomesByCompetitor(db, input, team)),
    lostReasons: (await lostReasons(db, input, team))
      .map((r) => ({ reason: r.reason, count: Number(r.n), amountFen: Number(r.amount ?? 0) }))
      .sort((a, b) => b.count - a.count),
    competitorPrices: lots.reverse().map((l) => ({
      tenderId: l.tender_id,
      projectNo: l.project_no,
      lotNo: l.lot_no,
      awardedOn: l.awarded_on,
      brand: l.winner_brand ?? '',
      model: l.winner_model,
      winner: l.winner_name,
      quantity: l.quantity,
      unitPriceFen: Math.round((l.winning_amount_fen ?? 0) / l.quantity),
      ourUnitPriceFen: l.bid_amount_fen === null ? null : Math.round(l.bid_amount_fen / l.quantity),
    })),
  };
}
