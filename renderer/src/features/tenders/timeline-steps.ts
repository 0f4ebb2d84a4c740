/**
 * The tender's life as steps (采购意向 → 公告 → 标书发售 → 投标截止 → 开标 → 公示截止 → 定标): which
 * are behind it by the clock and the recorded facts, and which comes next.
 */
import { chinaDate } from '../../../../shared/dates';
import type { TenderDetail } from '../../../../shared/schemas/tenders';

export type StepKey =
  'intention' | 'announced' | 'docSale' | 'deadline' | 'opening' | 'publicity' | 'award';

export interface TimelineStep {
  key: StepKey;
  /** `stopped`: where a failed or cancelled tender ended. */
  state: 'done' | 'next' | 'stopped' | 'later';
  /** The day the step falls on (China), for "in N days"; null when no date is recorded. */
  day: string | null;
  /** The document sale counts down to its start until it has begun, then to its end. */
  starts?: boolean;
}

export function timelineSteps(d: TenderDetail, now: number): TimelineStep[] {
  const today = chinaDate(new Date(now));
  const dayOf = (iso: string | null) => (iso ? chinaDate(iso) : null);
  const passed = (iso: string | null) => iso !== null && Date.parse(iso) <= now;
  const saleAhead = !!d.docSaleStartOn && d.docSaleStartOn > today;
  const raw: { key: StepKey; done: boolean; day: string | null; starts?: boolean }[] = [
    { key: 'intention', done: !!d.intentionOn && d.intentionOn <= today, day: d.intentionOn },
    { key: 'announced', done: !!d.announcedOn && d.announcedOn <= today, day: d.announcedOn },
    {
      key: 'docSale',
      done: !!d.docSaleEndOn && d.docSaleEndOn < today,
      day: saleAhead ? d.docSaleStartOn : d.docSaleEndOn,
      starts: saleAhead,
    },
    { key: 'deadline', done: passed(d.bidDeadlineAt), day: dayOf(d.bidDeadlineAt) },
    { key: 'opening', done: passed(d.openingAt), day: dayOf(d.openingAt) },
    {
      key: 'publicity',
      done: !!d.publicityEndOn && d.publicityEndOn < today,
      day: d.publicityEndOn,
    },
    { key: 'award', done: d.awardedOn !== null, day: d.awardedOn },
  ];
  // A step with no date recorded is behind us when a later one is (it was skipped or not noted).
  const done = raw.map(
    (s, i) => s.done || (s.day === null && raw.slice(i + 1).some((l) => l.done)),
  );
  const first = done.indexOf(false);
  const stopped = d.status === 'failed' || d.status === 'cancelled';
  return raw.map((s, i) => ({
    key: s.key,
    day: s.day,
    starts: s.starts,
    state: done[i] ? 'done' : i === first ? (stopped ? 'stopped' : 'next') : 'later',
  }));
}

/** Whole China days from today to `day` (0 = today). */
export function daysUntil(day: string, now: number): number {
  const today = chinaDate(new Date(now));
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}
