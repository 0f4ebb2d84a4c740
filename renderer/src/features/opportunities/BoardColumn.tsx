/** One stage of the board: its header with the stage's totals, its cards, and the drop target. */
import { Button } from 'antd';
import type { DragEvent, ReactNode } from 'react';
import { STAGES, type Stage } from '../../../../shared/sales-enums';
import { formatFenAsWan } from '../../../../shared/values/money';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import type { BoardColumnData } from './use-board';

export function BoardColumn(props: {
  column: BoardColumnData;
  narrow: boolean;
  /** A card from another stage is being dragged: this column takes it. */
  accepts: boolean;
  over: boolean;
  loadingMore: boolean;
  onDragOver: (stage: Stage) => void;
  onDragLeave: (stage: Stage) => void;
  onDrop: (stage: Stage) => void;
  onLoadMore: () => void;
  children: ReactNode;
}) {
  const { column, narrow, accepts, over, loadingMore, children } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { stage } = column;
  const rest = column.count - column.cards.length;

  const dragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!accepts) return;
    // Cancelling dragover is what makes an element a drop target.
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over) props.onDragOver(stage);
  };
  const dragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) props.onDragLeave(stage);
  };
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    if (accepts) props.onDrop(stage);
  };

  return (
    <section
      className={[
        'opp-col',
        `opp-col--${stage}`,
        narrow ? 'opp-col--narrow' : '',
        accepts ? 'opp-col--accepts' : '',
        over && accepts ? 'opp-col--over' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
      aria-label={label(STAGES, stage)}
      data-testid={`board-column-${stage}`}
      data-count={column.count}
    >
      <header className="opp-col__head">
        <div className="opp-col__title">
          <strong>{label(STAGES, stage)}</strong>
          <span className="opp-col__count" data-testid={`board-count-${stage}`}>
            {t('opp.columnCount', { count: formatCount(column.count, lang) })}
          </span>
        </div>
        <div className="opp-col__sums">
          <span className="opp-col__rate">{t('opp.winRate', { rate: column.probability })}</span>
          <span data-testid={`board-amount-${stage}`} data-fen={column.amountFen}>
            {formatFenAsWan(column.amountFen)}
          </span>
          <span
            className="opp-col__weighted"
            data-testid={`board-weighted-${stage}`}
            data-fen={column.weightedFen}
          >
            {t('opp.weightedShort', { amount: formatFenAsWan(column.weightedFen) })}
          </span>
        </div>
      </header>
      <div className="opp-col__cards">
        {children}
        {column.count === 0 && <div className="opp-col__empty">{t('opp.columnEmpty')}</div>}
        {rest > 0 && (
          <Button
            type="link"
            size="small"
            block
            loading={loadingMore}
            onClick={props.onLoadMore}
            data-testid={`board-more-${stage}`}
          >
            {t('opp.loadMore', { count: formatCount(rest, lang) })}
          </Button>
        )}
      </div>
    </section>
  );
}
