/**
 * 报备历史: a filing's full history from the audit log — drafted, changed, overridden, submitted,
 * its documents, the manufacturer's verdict, each payment, a withdrawal — newest first, each line
 * with the words of what it recorded.
 */
import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  DOCUMENT_KINDS,
  FILING_ACTIONS,
  INCENTIVE_REASONS,
  OEM_VERDICTS,
} from '../../../../shared/filing-enums';
import type { ApiError } from '../../../../shared/result';
import type { AuditEntry } from '../../../../shared/schemas/system';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { isRecord } from '../../api/error-details';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type EnumLabel, type Translate, useEnumLabel, useLang, useT } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatDate, formatDateTime } from '../../lib/format';

const isKey = <T extends object>(table: T, key: unknown): key is keyof T & string =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** What an entry recorded, in words; empty when there is nothing to add to its name. */
export function historyDetail(e: AuditEntry, t: Translate, label: EnumLabel, lang: Lang): string {
  const a = isRecord(e.after) ? e.after : {};
  const sep = lang === 'zh-CN' ? '；' : '; ';
  const parts: (string | null)[] = [];
  switch (e.action) {
    case 'filings.recordVerdict': {
      parts.push(isKey(OEM_VERDICTS, a.verdict) ? label(OEM_VERDICTS, a.verdict) : null);
      const on = str(a.decidedOn);
      parts.push(on ? formatDate(on, lang) : null);
      const fen = num(a.approvedFen);
      parts.push(fen !== null ? formatFen(fen) : null);
      parts.push(isKey(INCENTIVE_REASONS, a.reason) ? label(INCENTIVE_REASONS, a.reason) : null);
      parts.push(str(a.note));
      break;
    }
    case 'filings.recordPayment': {
      const fen = num(a.amountFen);
      parts.push(fen !== null ? formatFen(fen) : null);
      const on = str(a.receivedOn);
      parts.push(on ? formatDate(on, lang) : null);
      parts.push(str(a.reference), str(a.overReason));
      break;
    }
    case 'filings.create':
    case 'filings.update':
    case 'filings.submit': {
      const n = num(a.units);
      parts.push(n !== null ? t('filingHistory.units', { n }) : null, str(a.notes));
      break;
    }
    case 'filings.override':
    case 'filings.withdraw':
      parts.push(str(a.reason));
      break;
    case 'documents.attach':
      parts.push(isKey(DOCUMENT_KINDS, a.kind) ? label(DOCUMENT_KINDS, a.kind) : null);
      parts.push(str(a.fileName));
      break;
  }
  return parts.filter((p): p is string => !!p).join(sep);
}

export function FilingHistory({ filingId, version }: { filingId: number; version: string }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('filings.history', { id: filingId, limit: 200 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRows(r.value.rows);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [filingId, version]);

  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('filingHistory.title')}
      data-testid="filing-history"
    >
      <Typography.Paragraph type="secondary" className="fil-panel__hint">
        {t('filingHistory.hint')}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('filingHistory.empty') }}
        onRow={(e) => ({ className: 'fil-history-row', 'data-action': e.action })}
        columns={[
          {
            key: 'at',
            title: t('filingHistory.at'),
            width: 170,
            render: (_, e) => <span className="cell-date">{formatDateTime(e.at, lang)}</span>,
          },
          {
            key: 'who',
            title: t('filingHistory.who'),
            width: 100,
            render: (_, e) => e.actorName ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'what',
            title: t('filingHistory.what'),
            width: 170,
            render: (_, e) =>
              isKey(FILING_ACTIONS, e.action)
                ? label(FILING_ACTIONS, e.action)
                : t('filingHistory.other'),
          },
          {
            key: 'detail',
            title: t('filingHistory.detail'),
            render: (_, e) => (
              <span className="clm-event__detail">{historyDetail(e, t, label, lang)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
