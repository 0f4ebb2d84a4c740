/**
 * The conflict's verdict in words: who wins and by which of the manufacturer's rules, with the
 * facts the rule compared (wish, development records, filing times) and both sides named — never
 * “对方”, which would be the reader's own colleague or dealership half of the time.
 */
import type { ConflictEntry, ConflictView } from '../../../../shared/schemas/claims';
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

/** A side of the decision by name: our colleague's, or the other dealer's. */
function nameOf(entry: ConflictEntry | undefined, t: Translate): string {
  if (!entry) return '—';
  return entry.claimantName || (entry.source === 'ours' ? t('claims.ourDealership') : '—');
}

function reason(conflict: ConflictView, t: Translate, lang: Lang): string {
  const f = conflict.facts;
  const count = (v: unknown) => (typeof v === 'number' ? formatCount(v, lang) : '0');
  const w = nameOf(
    conflict.claims.find((c) => c.claimId === conflict.winnerId),
    t,
  );
  const r = nameOf(
    conflict.claims.find((c) => c.claimId === conflict.runnerUpId),
    t,
  );
  switch (conflict.decidedBy) {
    case 'customer_wish':
      return t('claims.reasonWish', { w, r });
    case 'development':
      return t('claims.reasonDevelopment', {
        w,
        r,
        wn: count(f.winnerEvidence),
        rn: count(f.runnerUpEvidence),
      });
    case 'filing_time':
      if (typeof f.winnerFiledAt === 'string' && typeof f.runnerUpFiledAt === 'string') {
        const times = filingTimes(f.winnerFiledAt, f.runnerUpFiledAt, lang);
        return t('claims.reasonFilingTime', { w, r, wt: times.w, rt: times.r });
      }
      return t('claims.reasonFilingTimeUnfiled', { r });
  }
}

/**
 * “胜出：王芳 — 依据：报备时间（李明尚未提交报备）”: both sides named (a colleague by name, another
 * dealer by its name), the winner's account added when it is another than the claim looked at.
 */
export function winnerText(
  conflict: ConflictView,
  claim: { accountId: number },
  t: Translate,
  lang: Lang,
): string {
  const winner = conflict.claims.find((c) => c.claimId === conflict.winnerId);
  const vars = { name: nameOf(winner, t), reason: reason(conflict, t, lang) };
  return winner && winner.accountId !== claim.accountId
    ? t('claims.winnerElsewhere', { ...vars, account: winner.accountName })
    : t('claims.winner', vars);
}

/** Where the claim looked at stands: first, or its rank among all. */
export function standingText(conflict: ConflictView, claimId: number, t: Translate): string {
  const me = conflict.claims.find((c) => c.claimId === claimId);
  if (!me) return '';
  return me.rank === 1
    ? t('claims.thisWins')
    : t('claims.thisRank', { rank: me.rank, n: conflict.claims.length });
}
