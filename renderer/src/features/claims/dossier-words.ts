/** A dossier event's category and what it was, in the UI language, and when (a date or a time). */
import type { Label } from '../../../../shared/enums';
import { CLAIM_ACTIONS, DOCUMENT_KINDS } from '../../../../shared/filing-enums';
import { ACTIVITY_TYPES } from '../../../../shared/sales-enums';
import type { DossierEvent } from '../../../../shared/schemas/reports';
import type { EnumLabel, Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate, formatDateTime } from '../../lib/format';

export const CATEGORY_KEYS: Record<DossierEvent['kind'], MessageKey> = {
  activity: 'claims.catActivity',
  claim: 'claims.catClaim',
  document: 'claims.catDocument',
};

const TABLES: Record<DossierEvent['kind'], Record<string, Label>> = {
  activity: ACTIVITY_TYPES,
  claim: CLAIM_ACTIONS,
  document: DOCUMENT_KINDS,
};

export function eventWhat(e: DossierEvent, label: EnumLabel): string {
  const table = TABLES[e.kind];
  return Object.prototype.hasOwnProperty.call(table, e.code) ? label(table, e.code) : e.code;
}

/** Activities carry their date; everything else the instant it was recorded. */
export function eventWhen(e: DossierEvent, lang: Lang): string {
  return e.at.length === 10 ? formatDate(e.at, lang) : formatDateTime(e.at, lang);
}

export function eventCategory(e: DossierEvent, t: Translate): string {
  return t(CATEGORY_KEYS[e.kind]);
}
