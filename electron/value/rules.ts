/**
 * The value rules over an account's facts, pure: its segment (seed 004: 价值 / 潜力 / 迁移 / 冰点)
 * with the reason, KA qualification with the reason, and the weighted scorecard explained line by
 * line. Reasons are codes and parameters; the UI words them in its language.
 *
 * Segments, first that applies:
 * - 冰点 frozen: neither a purchase nor a contact in the last `dormantDays` days;
 * - 迁移 drifting: bought less in the last `segmentMonths` months than in the months before them,
 *   or a rival won the account's last decided tender;
 * - 价值 value: class A or B by the last 12 months' revenue;
 * - 潜力 potential: the rest (fleet, pipeline, not yet buying much from us).
 *
 * Scorecard: three parts of 0–100 points — current value (the ABC class), potential (fleet size,
 * growth, open pipeline) and risk (lost tenders, cancelled contracts, overdue receivables) — weighted by the settings;
 * risk subtracts. Each line carries the points it adds to the score.
 */
import { addDays } from '../../shared/dates';
import type {
  AccountFacts,
  Reason,
  ScoreLine,
  ValueSegment,
  ValueSettings,
} from '../../shared/schemas/value';

export interface StandingInput {
  facts: AccountFacts;
  abc: 'A' | 'B' | 'C';
  rank: number;
  /** Revenue (fen) of the last `segmentMonths` months and of as many months before them. */
  recentFen: number;
  previousFen: number;
  /** Revenue (fen) over the KA period. */
  kaRevenueFen: number;
}

export const FEN_PER_WAN = 1_000_000;

/**
 * The scorecard's points, stated once: scoreOf applies them, and the scorecard's SQL ordering
 * (standing-sql.ts) writes the same rules over the same facts (a test compares the two).
 */
export const SCORE_POINTS = {
  /** Current value by class; an account in C that still bought something earns `cBuyer`. */
  class: { A: 100, B: 60, C: 0 },
  cBuyer: 20,
  /** One point per vehicle of the recorded fleet, at most `fleetCap`. */
  fleetCap: 40,
  growth: 30,
  /** 10 points per 100 万元 of open pipeline, at most 30. */
  pipelineStepFen: 100 * FEN_PER_WAN,
  pipelineStep: 10,
  pipelineCap: 30,
  /** 25 risk points per lost tender and per cancelled contract, at most 50 each. */
  perLostTender: 25,
  perCancelled: 25,
  countCap: 50,
  /** Money billed and not paid past the term: 20 points, 10 more per 10 万元, at most 50. */
  overdueBase: 20,
  overdueStepFen: 10 * FEN_PER_WAN,
  overdueStep: 10,
  overdueCap: 50,
} as const;

/** What a line's points count in the score, in tenths: its part's weight applied, rounded to 0.1; risk subtracts. */
export function lineTenths(
  part: ScoreLine['part'],
  points: number,
  settings: ValueSettings,
): number {
  const w = settings.weights;
  const sum = w.value + w.potential + w.risk;
  const tenths = Math.round((sum > 0 ? (points * w[part]) / sum : 0) * 10);
  // No risk is 0 points, not −0.
  return part === 'risk' && tenths > 0 ? -tenths : tenths;
}

export function segmentOf(
  s: StandingInput,
  settings: ValueSettings,
  today: string,
): { segment: ValueSegment; reason: Reason } {
  const { facts } = s;
  const since = addDays(today, -settings.dormantDays);
  const lastTouch = [facts.lastPurchaseOn, facts.lastContactOn]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  if (lastTouch === undefined || lastTouch < since)
    return {
      segment: 'frozen',
      reason: {
        code: lastTouch === undefined ? 'segment.frozen_never' : 'segment.frozen',
        params: { days: settings.dormantDays, ...(lastTouch ? { lastOn: lastTouch } : {}) },
      },
    };
  if (s.previousFen > 0 && s.recentFen < s.previousFen)
    return {
      segment: 'drifting',
      reason: {
        code: 'segment.drifting_less',
        params: {
          recentFen: s.recentFen,
          previousFen: s.previousFen,
          months: settings.segmentMonths,
        },
      },
    };
  if (facts.lastTenderLost)
    return { segment: 'drifting', reason: { code: 'segment.drifting_rival', params: {} } };
  if (s.abc !== 'C')
    return {
      segment: 'value',
      reason: { code: 'segment.value', params: { abc: s.abc, rank: s.rank } },
    };
  return {
    segment: 'potential',
    reason: {
      code: 'segment.potential',
      params: { fleet: facts.fleetTotal, pipelineFen: facts.openPipelineFen },
    },
  };
}

export function kaOf(s: StandingInput, settings: ValueSettings): Reason | null {
  if (s.facts.maxBatchUnits >= settings.kaMinBatchUnits)
    return {
      code: 'ka.batch',
      params: { units: s.facts.maxBatchUnits, min: settings.kaMinBatchUnits },
    };
  if (s.kaRevenueFen >= settings.kaMinRevenueWan * FEN_PER_WAN)
    return {
      code: 'ka.revenue',
      params: {
        revenueFen: s.kaRevenueFen,
        minWan: settings.kaMinRevenueWan,
        months: settings.kaPeriodMonths,
      },
    };
  return null;
}

export function scoreOf(
  s: StandingInput,
  settings: ValueSettings,
): { score: number; lines: ScoreLine[] } {
  const { facts } = s;
  const P = SCORE_POINTS;
  const raw: { part: ScoreLine['part']; code: string; params: Reason['params']; points: number }[] =
    [];
  raw.push({
    part: 'value',
    code: 'score.value_class',
    params: { abc: s.abc, rank: s.rank },
    points: s.abc === 'C' && facts.revenueFen > 0 ? P.cBuyer : P.class[s.abc],
  });
  raw.push({
    part: 'potential',
    code: 'score.potential_fleet',
    params: { fleet: facts.fleetTotal },
    points: Math.min(P.fleetCap, facts.fleetTotal),
  });
  const growing = s.recentFen > s.previousFen;
  raw.push({
    part: 'potential',
    code: growing ? 'score.potential_growth' : 'score.potential_no_growth',
    params: { recentFen: s.recentFen, previousFen: s.previousFen },
    points: growing ? P.growth : 0,
  });
  raw.push({
    part: 'potential',
    code: 'score.potential_pipeline',
    params: { pipelineFen: facts.openPipelineFen, opportunities: facts.openOpportunities },
    points: Math.min(
      P.pipelineCap,
      Math.floor(facts.openPipelineFen / P.pipelineStepFen) * P.pipelineStep,
    ),
  });
  raw.push({
    part: 'risk',
    code: 'score.risk_lost_tenders',
    params: { tenders: facts.lostTenders },
    points: Math.min(P.countCap, facts.lostTenders * P.perLostTender),
  });
  raw.push({
    part: 'risk',
    code: 'score.risk_cancelled',
    params: { contracts: facts.cancelledContracts },
    points: Math.min(P.countCap, facts.cancelledContracts * P.perCancelled),
  });
  raw.push({
    part: 'risk',
    code: 'score.risk_overdue',
    params: { overdueFen: facts.overdueFen, days: facts.overdueDays ?? 0 },
    points:
      facts.overdueFen > 0
        ? Math.min(
            P.overdueCap,
            P.overdueBase + Math.floor(facts.overdueFen / P.overdueStepFen) * P.overdueStep,
          )
        : 0,
  });
  const lines: ScoreLine[] = raw.map((l) => ({
    ...l,
    points: lineTenths(l.part, l.points, settings) / 10,
  }));
  const score = Math.round(lines.reduce((n, l) => n + l.points, 0) * 10) / 10;
  return { score, lines };
}
