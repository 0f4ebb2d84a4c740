/**
 * The one place that turns an ApiError into words for the user, in the UI language. The server's
 * own message is English diagnostics: it is never the main text, only the collapsed details of an
 * unexpected (INTERNAL) or connection (IO) error.
 */
import type { ApiError, ErrorCode, FieldIssue } from '../../../shared/result';
import type { Translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages-zh';
import { detailsOf, errorKind, isRecord } from './error-details';
import { fieldLabel } from './field-path';
import { salesReasonsZh } from '../i18n/messages-sales-reasons';

export { detailsOf, errorKind };

const ISSUE_KEYS: Readonly<Record<string, MessageKey>> = {
  'uscc.length': 'val.usccLength',
  'uscc.charset': 'val.usccCharset',
  'uscc.check': 'val.usccCheck',
  'region.inconsistent': 'val.regionInconsistent',
  'phone.format': 'val.phoneFormat',
  'parent.cycle': 'val.parentCycle',
  'parent.self': 'val.parentSelf',
  'parent.missing': 'val.parentMissing',
  'owner.missing': 'val.ownerMissing',
  'mapping.name_required': 'val.mappingNameRequired',
  'mapping.field_twice': 'val.mappingFieldTwice',
  'mapping.contact_name_required': 'val.mappingContactNameRequired',
  'mapping.account_required': 'val.mappingAccountRequired',
  'mapping.wrong_target': 'val.mappingWrongTarget',
  'login.format': 'val.loginFormat',
  password_too_short: 'val.password_too_short',
  password_too_long: 'val.password_too_long',
  password_common: 'val.password_common',
  password_repetitive: 'val.password_repetitive',
  password_contains_login: 'val.password_contains_login',
  password_same: 'val.password_same',
  bad_credentials: 'val.bad_credentials',
  too_small: 'val.tooSmall',
  too_big: 'val.tooBig',
  invalid_type: 'val.invalidType',
  invalid_format: 'val.invalidFormat',
  invalid_value: 'val.invalidValue',
  invalid_date: 'val.invalidDate',
  lone_surrogate: 'val.loneSurrogate',
  unknown_reference: 'val.unknownReference',
};

const CODE_KEYS: Readonly<Record<string, MessageKey>> = {
  VALIDATION: 'err.VALIDATION',
  NOT_FOUND: 'err.NOT_FOUND',
  CONFLICT: 'err.CONFLICT',
  FORBIDDEN: 'err.FORBIDDEN',
  POLICY: 'err.POLICY',
  IO: 'err.IO',
  STORAGE: 'err.STORAGE',
  INTERNAL: 'err.INTERNAL',
};

/** `details.kind` values whose text needs nothing from the details. */
const KIND_KEYS: Partial<Record<ErrorCode, Readonly<Record<string, MessageKey>>>> = {
  NOT_FOUND: {
    export_gone: 'err.exportExpired',
    run_gone: 'err.runGone',
    backup_gone: 'err.backupGone',
    mapping_gone: 'err.mappingGone',
    'contract.missing': 'err.contractMissing',
  },
  IO: {
    backup_before_import: 'err.backupBeforeImport',
    unreachable: 'conn.problemUnreachable',
  },
  CONFLICT: {
    stale: 'err.stale',
    busy: 'err.busy',
    job_running: 'err.jobRunning',
    not_empty: 'err.notEmpty',
    not_first_run: 'err.notFirstRun',
    in_use: 'err.inUse',
    same_name: 'err.sameName',
    export_not_done: 'err.exportNotDone',
    job_not_done: 'err.jobNotDone',
    use_upload: 'err.useUpload',
    streams: 'err.streams',
  },
  FORBIDDEN: {
    no_user: 'err.noUser',
    not_on_team: 'err.notOnTeam',
    admin_read_only: 'err.adminReadOnly',
    own_request: 'err.ownRequest',
    not_owner: 'err.notOwner',
    not_tender_owner: 'err.notTenderOwner',
    pipl: 'contacts.personalForbidden',
    role: 'err.role',
    self: 'err.self',
    inactive: 'err.inactive',
    auth: 'err.auth',
    bad_credentials: 'err.badCredentials',
    must_change_password: 'err.mustChangePassword',
    team_mode: 'err.teamMode',
    fixed_data_dir: 'err.fixedDataDir',
  },
  VALIDATION: {
    no_login: 'err.noLogin',
    no_password: 'err.noPassword',
    unknown_reference: 'err.unknownReference',
    backup_not_restorable: 'err.backupNotRestorable',
    bad_credentials: 'val.bad_credentials',
    password_policy: 'err.passwordPolicy',
    bad_choice: 'err.connectionChoice',
    method: 'err.streamMethod',
    bad_url: 'conn.problemBadUrl',
    not_https: 'conn.problemNotHttps',
    no_tls: 'conn.problemNoTls',
    not_keyfleet: 'conn.problemNotKeyfleet',
    not_probed: 'conn.notProbed',
    'tender.results_need_award_date': 'err.resultsNeedAwardDate',
  },
  POLICY: {
    account_locked: 'opp.accountLocked',
  },
  INTERNAL: {
    out_of_memory: 'err.outOfMemory',
  },
  STORAGE: {
    disk_full: 'err.diskFull',
    read_only: 'err.readOnly',
    io_error: 'err.ioError',
    cannot_open: 'err.cannotOpen',
    corrupt: 'err.corrupt',
  },
};

/**
 * What is wrong with a file given to the import, whichever code it comes with: the user fixes
 * it the same way (save as .xlsx, remove the password, split the file …).
 */
const FILE_KIND_KEYS: Readonly<Record<string, MessageKey>> = {
  encrypted: 'err.importEncrypted',
  truncated: 'err.importTruncated',
  ole_damaged: 'err.importOleDamaged',
  zip_bomb: 'err.importZipBomb',
  not_xlsx: 'err.importNotXlsx',
  unknown_format: 'err.importUnknownFormat',
  too_many_sheets: 'err.importTooManySheets',
  too_many_entries: 'err.importTooManyEntries',
  too_many_cells: 'err.importTooManyCells',
  too_many_columns: 'err.importTooManyColumns',
  too_many_rows: 'err.importTooManyRows',
  empty_file: 'err.importEmptyFile',
  sheet_not_found: 'err.importSheetNotFound',
  file_gone: 'err.importFileGone',
  file_too_large: 'err.importTooLarge',
  upload_failed: 'err.importUploadFailed',
  header_not_found: 'err.importHeaderNotFound',
  too_many_merges: 'err.importTooManyMerges',
  xlsb: 'err.importXlsb',
  apple_numbers: 'err.importNumbers',
  sylk: 'err.importSylk',
  dif: 'err.importDif',
  markup_no_table: 'err.importNoTable',
  markup_too_deep: 'err.importTooDeep',
  read_too_slow: 'err.importTooSlow',
  xml_doctype: 'err.importXmlDoctype',
  xml_not_spreadsheet: 'err.importXmlNotSpreadsheet',
};

/** A workflow rule's code (`tender.award_before_opening`) worded under `reason.<code>`. */
function reasonKey(code: string): MessageKey | undefined {
  const key = `reason.${code}`;
  return key in salesReasonsZh ? (key as MessageKey) : undefined;
}

function kindKey(error: ApiError, kind: string): MessageKey | undefined {
  return KIND_KEYS[error.code]?.[kind] ?? FILE_KIND_KEYS[kind] ?? reasonKey(kind);
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

/** What is wrong with one field, without naming the field (for a message under the field). */
export function issueText(issue: FieldIssue, t: Translate): string {
  return t(
    ISSUE_KEYS[issue.code] ?? ISSUE_KEYS[issue.message] ?? reasonKey(issue.code) ?? 'val.invalid',
  );
}

/** One field issue with the field's name in front (for a message away from the field). */
export function issueLine(issue: FieldIssue, t: Translate): string {
  const problem = issueText(issue, t);
  // A workflow rule's words already say what is wrong with what.
  if (reasonKey(issue.code)) return problem;
  // An unlabelled path only comes from a programming error; it is still the best hint.
  const field = fieldLabel(issue.path, t) ?? issue.path;
  return field ? t('err.issue', { field, problem }) : problem;
}

function namesOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter(isRecord).flatMap((m) => (typeof m.name === 'string' ? [m.name] : []))
    : [];
}

/** Kinds whose text quotes the details (names, counts). */
function detailedText(error: ApiError, kind: string, t: Translate): string | null {
  const details = detailsOf(error);
  if (kind === 'uscc_taken') {
    const name = isRecord(details.existing) ? details.existing.name : undefined;
    return typeof name === 'string' ? t('err.usccTaken', { name }) : t('err.usccTakenOther');
  }
  if (kind === 'possible_duplicate') {
    const names = namesOf(details.matches);
    return names.length > 0
      ? t('err.possibleDuplicate', { names: names.join(t('err.listSep')) })
      : null;
  }
  if (kind === 'locked' && typeof details.retryAt === 'string') {
    const at = new Date(details.retryAt);
    const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}:${String(at.getSeconds()).padStart(2, '0')}`;
    return t('err.locked', { time });
  }
  if (kind === 'login_taken' && typeof details.name === 'string')
    return t('err.loginTaken', { name: details.name });
  if (kind === 'has_subordinates') {
    const count = typeof details.count === 'number' ? details.count : '?';
    return t('account.deleteHasSubordinates', { count });
  }
  if (kind === 'has_sales_records') {
    const count = typeof details.count === 'number' ? details.count : '?';
    return t('account.deleteHasSalesRecords', { count });
  }
  return null;
}

/** The main text of an error: translated from its code, kind and field issues. */
export function errorText(error: ApiError, t: Translate): string {
  // INTERNAL may carry fields too (an output that broke the contract): not the user's input.
  const issues = error.code === 'INTERNAL' ? [] : fieldIssues(error);
  if (issues.length > 0) {
    const lines = [...new Set(issues.map((i) => issueLine(i, t)))];
    return t('err.checkFields', { issues: lines.join(t('err.issueSep')) });
  }
  const kind = errorKind(error);
  if (kind) {
    const key = kindKey(error, kind);
    const text = key ? t(key) : detailedText(error, kind, t);
    if (text) return text;
  }
  return t(CODE_KEYS[error.code] ?? 'err.INTERNAL');
}

/**
 * True when `errorText` says more than the generic text of the error's code (a known kind, or
 * field issues). Where only the generic text is left, a caller may show the server's message.
 */
export function hasSpecificText(error: ApiError, t: Translate): boolean {
  if (error.code !== 'INTERNAL' && fieldIssues(error).length > 0) return true;
  const kind = errorKind(error);
  return (
    kind !== undefined &&
    (kindKey(error, kind) !== undefined || detailedText(error, kind, t) !== null)
  );
}

/** Diagnostics for the collapsed details part: only for errors the user cannot fix themselves. */
export function errorDetail(error: ApiError): string | null {
  const unexpected = error.code === 'INTERNAL' || error.code === 'IO' || !CODE_KEYS[error.code];
  return unexpected && error.message ? error.message : null;
}
