/** One opportunity on the board: dragged to move, clicked to open, with a menu to move without dragging. */
import { CalendarOutlined, UserOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import type { DragEvent, KeyboardEvent } from 'react';
import { LOST_REASONS, type Stage } from '../../../../shared/sales-enums';
import type { OpportunityRow } from '../../../../shared/schemas/opportunities';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { Wan } from './Money';
import { MoveMenu } from './MoveMenu';
import { isOverdue } from './overdue';

/** The drag payload type; the row itself travels in React state. */
export const DRAG_TYPE = 'application/x-keyfleet-opportunity';

export function BoardCard(props: {
  row: OpportunityRow;
  /** Closed columns are narrow: title, account and amount only. */
  compact: boolean;
  busy: boolean;
  dragging: boolean;
  onOpen: (id: number) => void;
  onMove: (row: OpportunityRow, to: Stage) => void;
  onDragStart: (row: OpportunityRow) => void;
  onDragEnd: () => void;
}) {
  const { row, compact, busy, dragging, onOpen, onMove, onDragStart, onDragEnd } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const movable = row.stage !== 'won' && !busy;
  const overdue = isOverdue(row);

  const startDrag = (e: DragEvent<HTMLDivElement>) => {
    e.dataTransfer.setData(DRAG_TYPE, String(row.id));
    e.dataTransfer.setData('text/plain', row.title);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart(row);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onOpen(row.id);
    }
  };

  return (
    <div
      className={`opp-card${compact ? ' opp-card--compact' : ''}${dragging ? ' opp-card--dragging' : ''}${busy ? ' opp-card--busy' : ''}`}
      role="button"
      tabIndex={0}
      draggable={movable}
      onDragStart={movable ? startDrag : undefined}
      onDragEnd={onDragEnd}
      onClick={() => onOpen(row.id)}
      onKeyDown={onKeyDown}
      data-testid={`opp-card-${row.id}`}
      data-stage={row.stage}
    >
      <div className="opp-card__top">
        <span className="opp-card__title" title={row.title}>
          {row.title}
        </span>
        {busy ? (
          <Spin size="small" />
        ) : (
          <MoveMenu
            stage={row.stage}
            onMove={(to) => onMove(row, to)}
            testId={`opp-card-menu-${row.id}`}
          />
        )}
      </div>
      <div className="opp-card__account" title={row.accountName}>
        {row.accountName}
      </div>
      <div className="opp-card__meta">
        <Wan fen={row.amountFen} className="opp-card__amount" />
        {!compact && (
          <span
            className={overdue ? 'opp-card__date opp-overdue' : 'opp-card__date'}
            title={overdue ? t('opp.overdue') : undefined}
            data-testid={`opp-card-close-${row.id}`}
            data-overdue={overdue}
          >
            <CalendarOutlined />{' '}
            {row.expectedCloseOn ? formatDate(row.expectedCloseOn, lang) : t('opp.noCloseDate')}
          </span>
        )}
      </div>
      {compact ? (
        row.lostReason && (
          <div className="opp-card__reason">{label(LOST_REASONS, row.lostReason)}</div>
        )
      ) : (
        <div className="opp-card__owner">
          <UserOutlined /> {row.ownerName ?? t('opp.unassigned')}
        </div>
      )}
    </div>
  );
}
