import type { Translate } from '../i18n/context';
import { salesReasonsZh } from '../i18n/messages-sales-reasons';
import type { MessageKey } from '../i18n/messages-zh';

/** A rule code the backend sends (`contract.approval_missing`) in words; the code itself if unknown. */
export function reasonText(code: string, t: Translate): string {
  const key = `reason.${code}`;
  return key in salesReasonsZh ? t(key as MessageKey) : code;
}
