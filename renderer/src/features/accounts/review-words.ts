/** "Reviewed this week by …" / "last reviewed …" in words, for the card and the printed sheet. */
import type { ReviewStatus } from '../../../../shared/schemas/reviews';
import type { Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatDate } from '../../lib/format';
import { chinaDate } from '../../../../shared/dates';

export function reviewLine(s: ReviewStatus, t: Translate, lang: Lang): string {
  if (s.thisWeek.length > 0) {
    const names = [...new Set(s.thisWeek.map((r) => r.by.name))];
    return t('review.thisWeek', { names: names.join(lang === 'zh-CN' ? '、' : ', ') });
  }
  if (s.last)
    return t('review.last', { date: formatDate(chinaDate(s.last.at), lang), name: s.last.by.name });
  return t('review.never');
}
