/** Turns API errors into text in the UI language: known codes are translated, the rest fall back to the server's message. */
import type { ApiError, FieldIssue } from '../../../shared/result';
import type { Translate } from '../i18n/context';
import type { MessageKey } from '../i18n/messages-zh';

const ISSUE_KEYS: Record<string, MessageKey> = {
  'uscc.length': 'val.usccLength',
  'uscc.charset': 'val.usccCharset',
  'uscc.check': 'val.usccCheck',
  'region.inconsistent': 'val.regionInconsistent',
  'phone.format': 'val.phoneFormat',
  'parent.cycle': 'val.parentCycle',
  'parent.self': 'val.parentSelf',
  'parent.missing': 'val.parentMissing',
  'owner.missing': 'val.ownerMissing',
  too_small: 'val.tooSmall',
  too_big: 'val.tooBig',
  invalid_type: 'val.invalidType',
  invalid_format: 'val.invalidFormat',
  invalid_value: 'val.invalidValue',
};

const CODE_KEYS: Record<ApiError['code'], MessageKey> = {
  VALIDATION: 'err.VALIDATION',
  NOT_FOUND: 'err.NOT_FOUND',
  CONFLICT: 'err.CONFLICT',
  FORBIDDEN: 'err.FORBIDDEN',
  POLICY: 'err.POLICY',
  IO: 'err.IO',
  INTERNAL: 'err.INTERNAL',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `details.kind` of an error, when the server set one (uscc_taken, possible_duplicate, stale, …). */
export function errorKind(error: ApiError): string | undefined {
  return isRecord(error.details) && typeof error.details.kind === 'string'
    ? error.details.kind
    : undefined;
}

export function detailsOf(error: ApiError): Record<string, unknown> {
  return isRecord(error.details) ? error.details : {};
}

export function fieldIssues(error: ApiError): FieldIssue[] {
  const fields = detailsOf(error).fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldIssue =>
      isRecord(f) &&
      typeof f.path === 'string' &&
      typeof f.code === 'string' &&
      typeof f.message === 'string',
  );
}

export function issueText(issue: FieldIssue, t: Translate): string {
  const key = ISSUE_KEYS[issue.code] ?? ISSUE_KEYS[issue.message];
  return key ? t(key) : issue.message;
}

/** One line for a message or an alert: translated by code, with the server's wording for detail. */
export function errorText(error: ApiError, t: Translate): string {
  const kind = errorKind(error);
  if (kind === 'auth') return t('err.auth');
  if (kind === 'pipl') return t('contacts.personalForbidden');
  if (kind === 'stale') return t('accountForm.stale');
  if (kind === 'has_subordinates') {
    const count = detailsOf(error).count;
    return t('account.deleteHasSubordinates', { count: typeof count === 'number' ? count : '?' });
  }
  const issues = fieldIssues(error);
  if (issues.length > 0)
    return `${t(CODE_KEYS[error.code])}: ${issues.map((i) => `${i.path} ${issueText(i, t)}`).join('; ')}`;
  return `${t(CODE_KEYS[error.code])}: ${error.message}`;
}
