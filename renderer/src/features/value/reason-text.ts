/** A value reason's words (code + parameters) in the UI language: money in 万元, days as dates. */
import type { Reason } from '../../../../shared/schemas/value';
import { formatFenAsWan } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate } from '../../lib/format';

export function useReasonText(): (r: Reason) => string {
  const t = useT();
  const { lang } = useLang();
  return (r: Reason) => {
    const vars: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(r.params))
      if (k.endsWith('Fen') && typeof v === 'number') vars[k.slice(0, -3)] = formatFenAsWan(v);
      else if (k === 'lastOn' && typeof v === 'string') vars[k] = formatDate(v, lang);
      else vars[k] = v;
    return t(`reason.${r.code}` as MessageKey, vars);
  };
}
