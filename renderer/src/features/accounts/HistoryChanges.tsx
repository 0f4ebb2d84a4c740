/** The "changes" cell of one audit entry: field-by-field differences in the UI language. */
import { Tag } from 'antd';
import type { Label } from '../../../../shared/enums';
import {
  ACCOUNT_VOCABULARIES,
  ALIAS_KINDS,
  ATTITUDES,
  CONTACT_LEVELS,
  ORG_NATURES,
  ORG_NATURE_STATES,
  PURCHASE_ROLES,
  STAFF_ROLES,
} from '../../../../shared/enums';
import { regionName } from '../../../../shared/regions';
import type { AuditEntry } from '../../../../shared/schemas/system';
import { type EnumLabel, type Translate, useEnumLabel, useLang, useT } from '../../i18n/context';
import {
  ACCOUNT_FIELD_KEYS,
  CONTACT_FIELD_KEYS,
  type FieldKeys,
  PERSONAL_FIELD_KEYS,
  STAFF_FIELD_KEYS,
} from '../../i18n/field-labels';
import { formatDate } from '../../lib/format';
import { DealChange, isDealEntry } from './DealChange';
import {
  type Change,
  diffSnapshots,
  identifiersChanged,
  isBlank,
  isDemoOrigin,
  personalFields,
  snapshotName,
} from './history-diff';

const ENUM_FIELDS: Record<string, Record<string, Label>> = {
  ...ACCOUNT_VOCABULARIES,
  orgNature: ORG_NATURES,
  orgNatureState: ORG_NATURE_STATES,
  level: CONTACT_LEVELS,
  purchaseRole: PURCHASE_ROLES,
  attitude: ATTITUDES,
  role: STAFF_ROLES,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fieldKeysOf(action: string): FieldKeys {
  if (action.startsWith('contact.')) return CONTACT_FIELD_KEYS;
  if (action.startsWith('staff.')) return STAFF_FIELD_KEYS;
  return ACCOUNT_FIELD_KEYS;
}

function showValue(field: string, value: unknown, label: EnumLabel, t: Translate): string {
  if (isBlank(value)) return t('history.blank');
  const table = ENUM_FIELDS[field];
  if (table && typeof value === 'string') return label(table, value);
  if (field.endsWith('Code') && typeof value === 'string') return regionName(value);
  if (field === 'active' && typeof value === 'boolean')
    return t(value ? 'staff.active' : 'staff.inactive');
  if (field === 'aliases' && Array.isArray(value))
    return value
      .filter(isRecord)
      .map(
        (a) =>
          `${String(a.alias)}（${label(ALIAS_KINDS, a.kind === 'former' ? 'former' : 'alias')}）`,
      )
      .join('、');
  if (field === 'fleet' && Array.isArray(value))
    return value
      .filter(isRecord)
      .map(
        (f) =>
          `${String(f.brand)} ${String(f.model)} ×${String(f.count)}${f.year ? ` (${String(f.year)})` : ''}`,
      )
      .join('；');
  if (field === 'coOwners' && Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The file an import entry (or an account change made by an import) came from. */
function importFileOf(entry: AuditEntry): string | null {
  if (!isRecord(entry.after)) return null;
  const file = entry.action === 'import.accounts' ? entry.after.fileName : entry.after.importedFrom;
  return typeof file === 'string' ? file : null;
}

/** The names of same-name accounts the user confirmed as other organisations (account.create/update). */
function sameNamesConfirmed(entry: AuditEntry): string | null {
  if (!isRecord(entry.after) || !Array.isArray(entry.after.sameNameConfirmed)) return null;
  const names = entry.after.sameNameConfirmed
    .filter(isRecord)
    .map((a) => String(a.name))
    .join('”“');
  return names || null;
}

function DemoTag() {
  const t = useT();
  return (
    <Tag color="purple" className="diff-origin" data-testid="history-demo">
      {t('history.demo')}
    </Tag>
  );
}

export function HistoryChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const isContact = entry.action.startsWith('contact.');
  const name = snapshotName(entry.after, entry.before);
  const demo = isDemoOrigin(entry.after) ? <DemoTag /> : null;
  const importedFrom = importFileOf(entry);
  if (isDealEntry(entry.action)) return <DealChange entry={entry} />;
  if (entry.action === 'import.accounts')
    return <span>{t('history.importedFrom', { file: importedFrom ?? '—' })}</span>;
  const sameNames = sameNamesConfirmed(entry);
  const origin = (
    <>
      {importedFrom ? (
        <Tag color="cyan" className="diff-origin" data-testid="history-import">
          {t('history.importedFrom', { file: importedFrom })}
        </Tag>
      ) : (
        demo
      )}
      {sameNames && (
        <div className="diff-line" data-testid="history-same-name">
          {t('history.sameNameConfirmed', { names: sameNames })}
        </div>
      )}
    </>
  );

  if (entry.action === 'contact.personal.read')
    return <span>{t('history.personalRead', { name: name ?? '' })}</span>;
  if (entry.action === 'contact.personal.update') {
    // Unknown field names are left out rather than shown as raw keys.
    const fields = personalFields(entry.after).flatMap((f) => {
      const key = PERSONAL_FIELD_KEYS[f];
      return key ? [t(key)] : [];
    });
    return (
      <span>
        {t('history.personalUpdate', { name: name ?? '', fields: fields.join('、') || '—' })}
      </span>
    );
  }

  const keys = fieldKeysOf(entry.action);
  const order = Object.keys(keys);
  // Only fields with a label are shown: a key the UI does not know stays hidden.
  const changes: Change[] = diffSnapshots(entry.before, entry.after)
    .filter((c) => keys[c.field] !== undefined)
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  // Phone and email reach the log only by name: it says they changed, never their values.
  const named = isContact ? identifiersChanged(entry.after) : [];
  const subject =
    isContact && name ? (
      <div className="diff-subject">{t('history.contactSubject', { name })}</div>
    ) : null;
  if (changes.length === 0 && named.length === 0)
    return (
      <>
        {origin}
        {subject ?? <span className="cell-empty">{name ?? '—'}</span>}
      </>
    );
  const created = entry.before === null || entry.before === undefined;
  const fieldName = (f: string) => {
    const key = keys[f];
    return key ? t(key) : '';
  };
  const show = (f: string, v: unknown) =>
    f === 'birthday' && typeof v === 'string' ? formatDate(v, lang) : showValue(f, v, label, t);

  return (
    <div className="diff">
      {origin}
      {subject}
      {changes.map((c) => (
        <div key={c.field} className="diff-line">
          <span className="diff-field">{fieldName(c.field)}</span>
          {created ? (
            <span className="diff-after">{show(c.field, c.after)}</span>
          ) : (
            <>
              <span className={isBlank(c.before) ? 'diff-blank' : 'diff-before'}>
                {show(c.field, c.before)}
              </span>
              <span className="diff-arrow">→</span>
              <span className="diff-after">{show(c.field, c.after)}</span>
            </>
          )}
        </div>
      ))}
      {named.map((f) => (
        <div key={f} className="diff-line" data-testid="history-identifier">
          <span className="diff-field">{fieldName(f)}</span>
          <span className="diff-after">{t('history.identifierChanged')}</span>
        </div>
      ))}
    </div>
  );
}
