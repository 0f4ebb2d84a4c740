/**
 * The conflict's verdict in words: who wins and by which of the manufacturer's rules, with the
 * facts the rule compared (wish, development records, filing times).
 */
import type { ConflictView } from '../../../../shared/schemas/claims';
import type { Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatCount, formatDateTime } from '../../lib/format';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Two filing times to compare: seconds (and milliseconds) shown when the minutes are equal. */
function filingTimes(w: string, r: string, lang: Lang): { w: string; r: string } {
  const a = formatDateTime(w, lang);
  const b = formatDateTime(r, lang);
  if (a !== b) return { w: a, r: b };
  const dw = new Date(w);
  const dr = new Date(r);
  const fine = dw.getSeconds() === dr.getSeconds();
  const tail = (d: Date) =>
    `:${pad(d.getSeconds())}${fine ? `.${pad(d.getMilliseconds(), 3)}` : ''}`;
  return { w: a + tail(dw), r: b + tail(dr) };
}

function reason(conflict: ConflictView, t: Translate, lang: Lang): string {
  const f = conflict.facts;
  const count = (v: unknown) => (typeof v === 'number' ? formatCount(v, lang) : '0');
  switch (conflict.decidedBy) {
    case 'customer_wish':
      return t('claims.reasonWish');
    case 'development':
      return t('claims.reasonDevelopment', {
        w: count(f.winnerEvidence),
        r: count(f.runnerUpEvidence),
      });
    case 'filing_time':
      return typeof f.winnerFiledAt === 'string' && typeof f.runnerUpFiledAt === 'string'
        ? t('claims.reasonFilingTime', filingTimes(f.winnerFiledAt, f.runnerUpFiledAt, lang))
        : t('claims.reasonFilingTimeUnfiled');
  }
}

/** “胜出：李明（北京市朝阳区城市管理委员会）— 依据：开发进度（开发记录 5 条 对 2 条）” */
export function winnerText(conflict: ConflictView, t: Translate, lang: Lang): string {
  const winner = conflict.claims.find((c) => c.claimId === conflict.winnerId);
  return t('claims.winner', {
    name: winner?.claimantName ?? '',
    account: winner?.accountName ?? '',
    reason: reason(conflict, t, lang),
  });
}

/** Where the claim looked at stands: first, or its rank among all. */
export function standingText(conflict: ConflictView, claimId: number, t: Translate): string {
  const me = conflict.claims.find((c) => c.claimId === claimId);
  if (!me) return '';
  return me.rank === 1
    ? t('claims.thisWins')
    : t('claims.thisRank', { rank: me.rank, n: conflict.claims.length });
}
