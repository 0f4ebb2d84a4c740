/** Small pieces shown in the tender grids and on the tender card: tags, dates, amounts. */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import {
  LOT_RESULTS,
  type LotResult,
  TENDER_PHASES,
  TENDER_STATUSES,
  type TenderPhase,
  type TenderStatus,
} from '../../../../shared/sales-enums';
import { useEnumLabel, useLang } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import type { RefundState, Urgency } from './deadlines';

export function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <Empty />
  );
}

export function Empty() {
  return <span className="cell-empty">—</span>;
}

const STATUS_COLORS: Record<TenderStatus, string> = {
  planned: 'default',
  announced: 'blue',
  awarded: 'green',
  failed: 'volcano',
  cancelled: 'default',
};

/** 已公告 · 标书发售中: the status, and for an announced tender the deadline it is heading for. */
export function StatusTag({ status, phase }: { status: TenderStatus; phase: TenderPhase | null }) {
  const label = useEnumLabel();
  return (
    <span className="tender-status" data-status={status}>
      <Tag className="cell-tag" color={STATUS_COLORS[status]}>
        {label(TENDER_STATUSES, status)}
      </Tag>
      {phase && (
        <span className={`tender-phase tender-phase--${phase}`}>{label(TENDER_PHASES, phase)}</span>
      )}
    </span>
  );
}

const RESULT_COLORS: Record<LotResult, string> = {
  pending: 'default',
  won: 'green',
  lost: 'red',
  failed: 'orange',
};

export function ResultTag({ result }: { result: LotResult }) {
  const label = useEnumLabel();
  return (
    <Tag className="cell-tag" color={RESULT_COLORS[result]} data-result={result}>
      {label(LOT_RESULTS, result)}
    </Tag>
  );
}

function Due({
  urgency,
  children,
}: {
  urgency: Urgency | RefundState | null;
  children: ReactNode;
}) {
  return (
    <span className={`cell-date tender-due${urgency ? ` tender-due--${urgency}` : ''}`}>
      {children}
    </span>
  );
}

/** A calendar date, highlighted by how close it is (pass null for no highlighting). */
export function DayCell({
  value,
  urgency = null,
}: {
  value: string | null;
  urgency?: Urgency | RefundState | null;
}) {
  const { lang } = useLang();
  if (!value) return <Empty />;
  return <Due urgency={urgency}>{formatDate(value, lang)}</Due>;
}

/** A moment with its time of day, in local time. */
export function InstantCell({
  value,
  urgency = null,
}: {
  value: string | null;
  urgency?: Urgency | null;
}) {
  const { lang } = useLang();
  if (!value) return <Empty />;
  return <Due urgency={urgency}>{formatDateTime(value, lang)}</Due>;
}

export function MoneyCell({
  fen,
  format,
}: {
  fen: number | null;
  format: (fen: number) => string;
}) {
  if (fen === null) return <Empty />;
  return <span className="tender-money">{format(fen)}</span>;
}
