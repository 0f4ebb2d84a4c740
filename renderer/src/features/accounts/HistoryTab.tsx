/** 变更记录: the audit entries about this account and its contacts, newest first, as readable diffs. */
import { Alert, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Label } from '../../../../shared/enums';
import {
  ALIAS_KINDS,
  ATTITUDES,
  BUYER_TYPES,
  CONTACT_LEVELS,
  GRADES,
  INDUSTRIES,
  LIFECYCLES,
  PURCHASE_ROLES,
  SOURCES,
  VALUE_TYPES,
} from '../../../../shared/enums';
import { regionName } from '../../../../shared/regions';
import type { AuditEntry } from '../../../../shared/schemas/system';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { type EnumLabel, type Translate, useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  ACCOUNT_FIELD_KEYS,
  ACTION_KEYS,
  CONTACT_FIELD_KEYS,
  PERSONAL_FIELD_KEYS,
} from './field-labels';
import { type Change, diffSnapshots, isBlank, personalFields, snapshotName } from './history-diff';

const PAGE_SIZE = 20;

const ENUM_FIELDS: Record<string, Record<string, Label>> = {
  buyerType: BUYER_TYPES,
  industry: INDUSTRIES,
  grade: GRADES,
  valueType: VALUE_TYPES,
  lifecycle: LIFECYCLES,
  source: SOURCES,
  level: CONTACT_LEVELS,
  purchaseRole: PURCHASE_ROLES,
  attitude: ATTITUDES,
};

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  read: 'default',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function showValue(field: string, value: unknown, label: EnumLabel, t: Translate): string {
  if (isBlank(value)) return t('history.blank');
  const table = ENUM_FIELDS[field];
  if (table && typeof value === 'string') return label(table, value);
  if (field.endsWith('Code') && typeof value === 'string') return regionName(value);
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
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function ChangeList({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const isContact = entry.action.startsWith('contact.');
  const name = snapshotName(entry.after, entry.before);

  if (entry.action === 'contact.personal.read')
    return <span>{t('history.personalRead', { name: name ?? '' })}</span>;
  if (entry.action === 'contact.personal.update') {
    const fields = personalFields(entry.after).map((f) => {
      const key = PERSONAL_FIELD_KEYS[f];
      return key ? t(key) : f;
    });
    return (
      <span>
        {t('history.personalUpdate', { name: name ?? '', fields: fields.join('、') || '—' })}
      </span>
    );
  }

  const keys = isContact ? CONTACT_FIELD_KEYS : ACCOUNT_FIELD_KEYS;
  const order = Object.keys(keys);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const changes: Change[] = diffSnapshots(entry.before, entry.after).sort(
    (a, b) => rank(a.field) - rank(b.field),
  );
  const subject =
    isContact && name ? (
      <div className="diff-subject">{t('history.contactSubject', { name })}</div>
    ) : null;
  if (changes.length === 0) return subject ?? <span className="cell-empty">{name ?? '—'}</span>;
  const created = entry.before === null || entry.before === undefined;
  const fieldName = (f: string) => {
    const key = keys[f];
    return key ? t(key) : f;
  };
  const show = (f: string, v: unknown) =>
    f === 'birthday' && typeof v === 'string' ? formatDate(v, lang) : showValue(f, v, label, t);

  return (
    <div className="diff">
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
    </div>
  );
}

export function HistoryTab({ accountId, revision }: { accountId: number; revision: unknown }) {
  const t = useT();
  const { lang } = useLang();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ key: string; rows: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify([accountId, page, revision]);

  useEffect(() => {
    let live = true;
    void call('accounts.history', {
      id: accountId,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setData({ key, rows: r.value.rows, total: r.value.total });
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [accountId, page, key]);

  const actionLabel = (action: string) => {
    const k = ACTION_KEYS[action];
    return k ? t(k) : action;
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={errorText(error, t)} className="gap-bottom" />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        className="history-table"
        loading={data?.key !== key && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('history.empty') }}
        data-testid="history-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          size: 'small',
          onChange: setPage,
        }}
        columns={[
          {
            key: 'at',
            title: t('history.at'),
            width: 170,
            render: (_, e) => <span className="cell-date">{formatDateTime(e.at, lang)}</span>,
          },
          {
            key: 'who',
            title: t('history.who'),
            width: 110,
            render: (_, e) => e.actorName ?? t('history.system'),
          },
          {
            key: 'action',
            title: t('history.action'),
            width: 150,
            render: (_, e) => (
              <Tag color={ACTION_COLORS[e.action.split('.').pop() ?? ''] ?? 'default'}>
                {actionLabel(e.action)}
              </Tag>
            ),
          },
          {
            key: 'changes',
            title: t('history.changes'),
            render: (_, e) => <ChangeList entry={e} />,
          },
        ]}
      />
    </>
  );
}
