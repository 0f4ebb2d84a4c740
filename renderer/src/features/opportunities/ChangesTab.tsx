/** 修改记录: the audit entries about this opportunity, newest first, told in words. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { SOURCES, type Source } from '../../../../shared/enums';
import {
  LOST_REASONS,
  type LostReason,
  STAGES,
  STAGE_VALUES,
  type Stage,
} from '../../../../shared/sales-enums';
import {
  OPPORTUNITY_COLUMN_LABELS,
  type OpportunityColumn,
} from '../../../../shared/schemas/opportunities';
import type { AuditEntry } from '../../../../shared/schemas/system';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate, formatDateTime } from '../../lib/format';
import { AUDIT_PAGE_SIZE, useAuditPage } from '../../lib/use-audit-page';
import { StageTag } from './StageTag';

const ACTIONS: Readonly<Record<string, { key: MessageKey; color: string }>> = {
  'opportunity.create': { key: 'opp.history.create', color: 'green' },
  'opportunity.update': { key: 'opp.history.update', color: 'blue' },
  'opportunity.move': { key: 'opp.history.move', color: 'purple' },
  'opportunity.delete': { key: 'opp.history.delete', color: 'red' },
};

type Snapshot = Record<string, unknown>;

const isRecord = (v: unknown): v is Snapshot =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStage = (v: unknown): v is Stage =>
  typeof v === 'string' && (STAGE_VALUES as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Fields of the audit snapshot shown with their values; lists are only named as changed. */
const SCALARS: readonly { field: string; column: OpportunityColumn | null; key?: MessageKey }[] = [
  { field: 'title', column: 'title' },
  { field: 'account', column: 'accountName' },
  { field: 'owner', column: 'ownerId' },
  { field: 'source', column: 'source' },
  { field: 'budgetFen', column: 'budgetFen' },
  { field: 'amountFen', column: 'amountFen' },
  { field: 'expectedCloseOn', column: 'expectedCloseOn' },
  { field: 'notes', column: null, key: 'opp.notes' },
];
const LISTS: readonly { field: string; key: MessageKey }[] = [
  { field: 'lines', key: 'opp.lines' },
  { field: 'contacts', key: 'opp.contacts' },
  { field: 'competitors', key: 'opp.competitors' },
];

function useValueText() {
  const { lang } = useLang();
  const label = useEnumLabel();
  return (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return null;
    if (field === 'budgetFen' || field === 'amountFen') {
      const fen = num(v);
      return fen === null ? null : formatFenAsWan(fen);
    }
    if (field === 'expectedCloseOn') return formatDate(str(v), lang) || null;
    if (field === 'source') return label(SOURCES, str(v) as Source | null) || null;
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
}

function Diff({ name, before, after }: { name: string; before: ReactNode; after: ReactNode }) {
  return (
    <div className="diff-line">
      <span className="diff-field">{name}</span>
      <span className="diff-before">{before}</span>
      <span className="diff-arrow">→</span>
      <span className="diff-after">{after}</span>
    </div>
  );
}

function EntrySummary({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const label = useEnumLabel();
  const valueText = useValueText();
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const blank = <span className="diff-blank">{t('history.blank')}</span>;
  const column = (c: OpportunityColumn) => label(OPPORTUNITY_COLUMN_LABELS, c);

  if (entry.action === 'opportunity.move') {
    const lostReason = str(after.lostReason) as LostReason | null;
    const price = num(after.winningPriceFen);
    const winner = str(after.winnerName);
    const note = str(after.lostNote);
    return (
      <div>
        <span className="opp-stage-change">
          {isStage(before.stage) && <StageTag stage={before.stage} />}
          <ArrowRightOutlined className="opp-muted" />
          {isStage(after.stage) && <StageTag stage={after.stage} />}
          {after.cause === 'tender' || after.cause === 'contract' ? (
            <span className="opp-muted">
              {t(after.cause === 'tender' ? 'opp.cause.tender' : 'opp.cause.contract')}
            </span>
          ) : null}
        </span>
        {lostReason && (
          <div className="diff-line">
            <span className="diff-field">{t('opp.lostReason')}</span>
            {label(LOST_REASONS, lostReason)}
          </div>
        )}
        {winner && (
          <div className="diff-line">
            <span className="diff-field">{t('opp.winnerName')}</span>
            {winner}
            {price !== null && ` · ${formatFen(price)}`}
          </div>
        )}
        {note && (
          <div className="diff-line">
            <span className="diff-field">{t('opp.lostNote')}</span>
            {note}
          </div>
        )}
      </div>
    );
  }

  if (entry.action === 'opportunity.create') {
    return (
      <div className="diff-line">
        {isStage(after.stage)
          ? t('opp.history.created', { stage: label(STAGES, after.stage) })
          : null}
        {num(after.amountFen)
          ? ` · ${column('amountFen')} ${valueText('amountFen', after.amountFen)}`
          : null}
      </div>
    );
  }

  if (entry.action === 'opportunity.update') {
    const scalars = SCALARS.filter(
      (s) => JSON.stringify(before[s.field] ?? null) !== JSON.stringify(after[s.field] ?? null),
    );
    const lists = LISTS.filter(
      (l) => JSON.stringify(before[l.field] ?? []) !== JSON.stringify(after[l.field] ?? []),
    );
    return (
      <div>
        {scalars.map((s) => (
          <Diff
            key={s.field}
            name={s.column ? column(s.column) : t(s.key ?? 'history.other')}
            before={valueText(s.field, before[s.field]) ?? blank}
            after={valueText(s.field, after[s.field]) ?? blank}
          />
        ))}
        {lists.map((l) => (
          <div key={l.field} className="diff-line">
            <span className="diff-field">{t(l.key)}</span>
            <span className="diff-after">{t('opp.history.listChanged')}</span>
          </div>
        ))}
      </div>
    );
  }
  return null;
}

export function ChangesTab({
  opportunityId,
  revision,
}: {
  opportunityId: number;
  revision: unknown;
}) {
  const t = useT();
  const { lang } = useLang();
  const { page, setPage, error, rows, total, loading } = useAuditPage(
    'opportunities.history',
    opportunityId,
    revision,
  );

  return (
    <>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        className="history-table"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('history.empty') }}
        data-testid="opp-changes"
        pagination={{
          current: page,
          pageSize: AUDIT_PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
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
            width: 100,
            render: (_, e) => e.actorName ?? t('history.system'),
          },
          {
            key: 'action',
            title: t('history.action'),
            width: 110,
            render: (_, e) => {
              // An action this version does not know gets a neutral name, never its raw key.
              const action = ACTIONS[e.action];
              return (
                <Tag color={action?.color ?? 'default'}>{t(action?.key ?? 'history.other')}</Tag>
              );
            },
          },
          {
            key: 'details',
            title: t('opp.history.details'),
            render: (_, e) => <EntrySummary entry={e} />,
          },
        ]}
      />
    </>
  );
}
