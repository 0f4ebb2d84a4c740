/** The sales rules' words (shared/sales-reasons.ts) as `reason.<code>` UI messages. */
import { SALES_REASONS, type SalesReasonCode } from '../../../shared/sales-reasons';

type ReasonKey = `reason.${SalesReasonCode}`;

function table(lang: 'zh' | 'en'): Record<ReasonKey, string> {
  return Object.fromEntries(
    Object.entries(SALES_REASONS).map(([code, label]) => [`reason.${code}`, label[lang]]),
  ) as Record<ReasonKey, string>;
}

export const salesReasonsZh = table('zh');
export const salesReasonsEn = table('en');
