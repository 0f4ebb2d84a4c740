/**
 * One problem a consistency check found, in words, with its subject and values:
 * “发票 04512345：购买方「北京某某有限公司」，应为「北京某某集团有限公司」”.
 */
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type FilingCheck,
  POLICY_RULES,
  type PolicyRule,
} from '../../../../shared/filing-enums';
import type { CheckResult } from '../../../../shared/schemas/filings';
import type { EnumLabel, Translate } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';

type Problem = CheckResult['problems'][number];

const COUNT_KEYS: Record<string, MessageKey> = {
  delivered: 'filings.countDelivered',
  invoiced: 'filings.countInvoiced',
  registered: 'filings.countRegistered',
};

const isKind = (v: string): v is DocumentKind => v in DOCUMENT_KINDS;
const isRule = (v: string): v is PolicyRule => v in POLICY_RULES;

function nameMismatch(check: FilingCheck, p: Problem, t: Translate): string {
  const vars = { subject: p.subject ?? '', expected: p.expected ?? '', actual: p.actual ?? '' };
  if (p.subject === 'contract') return t('filings.mismatchParty', vars);
  return check === 'registration_owner'
    ? t('filings.mismatchRegistration', vars)
    : t('filings.mismatchInvoice', vars);
}

export function problemText(
  check: FilingCheck,
  p: Problem,
  t: Translate,
  label: EnumLabel,
): string {
  const subject = p.subject ?? '';
  switch (p.code) {
    case 'rule_failed':
      return t('filings.problemRule', {
        rule: isRule(subject) ? label(POLICY_RULES, subject) : subject,
      });
    case 'document_missing':
      return t('filings.problemMissing', {
        kind: isKind(subject) ? label(DOCUMENT_KINDS, subject) : subject,
      });
    case 'document_altered':
      return t('filings.problemAltered', { name: subject });
    case 'name_mismatch':
      return nameMismatch(check, p, t);
    case 'no_invoice':
      return t('filings.problemNoInvoice', { vin: subject });
    case 'no_registration':
      return t('filings.problemNoRegistration', { vin: subject });
    case 'not_allocated':
      return t('filings.problemNotAllocated', { vin: subject });
    case 'not_subordinate':
      return t('filings.problemNotSubordinate', { unit: subject, head: p.expected ?? '' });
    case 'count_mismatch': {
      const key = COUNT_KEYS[subject];
      const vars = { declared: p.expected ?? '?', actual: p.actual ?? '?' };
      // contract: the declared units (actual) exceed the contract's (expected).
      if (subject === 'contract')
        return t('filings.countContract', {
          declared: p.actual ?? '?',
          contract: p.expected ?? '?',
        });
      return key ? t(key, vars) : t('filings.countOther', { subject, ...vars });
    }
    case 'tender_not_won':
      return t('filings.problemTenderNotWon', { tender: subject });
  }
}
