/**
 * 看板: one column per open stage (兴趣 → 使用) and a narrow lane of the closing stages (赢单,
 * 丢单, 放弃). Cards move by HTML5 drag and drop or by their "移至…" menu.
 */
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Spin, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { BUYER_TYPES } from '../../../../shared/enums';
import { isOpenStage, type Stage } from '../../../../shared/sales-enums';
import type { OpportunityRow } from '../../../../shared/schemas/opportunities';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions, useT } from '../../i18n/context';
import { BoardCard } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { TotalsLine } from './PipelineTotals';
import { type BoardColumnData, type BoardFilters, useBoard } from './use-board';
import type { RequestMove } from './use-stage-move';
import { onTopics } from '../../api/live-events';
import { useLiveRefresh } from '../../lib/use-live';

export function OpportunityBoard(props: {
  filters: BoardFilters;
  onFiltersChange: (filters: BoardFilters) => void;
  revision: unknown;
  busyId: number | null;
  onOpen: (id: number) => void;
  onMove: RequestMove;
  toolbarStart?: ReactNode;
  toolbarEnd?: ReactNode;
}) {
  const { filters, onFiltersChange, revision, busyId, onOpen, onMove } = props;
  const t = useT();
  const options = useEnumOptions();
  const { staff } = useSession();
  const { board, error, loading, loadingMore, loadMore, reload } = useBoard(filters, revision);
  useLiveRefresh(onTopics('opportunities'), reload);
  const [dragging, setDragging] = useState<OpportunityRow | null>(null);
  const [over, setOver] = useState<Stage | null>(null);

  const endDrag = () => {
    setDragging(null);
    setOver(null);
  };
  const drop = (stage: Stage) => {
    if (dragging && dragging.stage !== stage) onMove(dragging, stage);
    endDrag();
  };

  const renderColumn = (column: BoardColumnData) => {
    const narrow = !isOpenStage(column.stage);
    return (
      <BoardColumn
        key={column.stage}
        column={column}
        narrow={narrow}
        accepts={dragging !== null && dragging.stage !== column.stage}
        over={over === column.stage}
        loadingMore={loadingMore(column)}
        onDragOver={setOver}
        onDragLeave={(stage) => setOver((o) => (o === stage ? null : o))}
        onDrop={drop}
        onLoadMore={() => loadMore(column.stage, column.cards.length)}
      >
        {column.cards.map((row) => (
          <BoardCard
            key={row.id}
            row={row}
            compact={narrow}
            busy={busyId === row.id}
            dragging={dragging?.id === row.id}
            onOpen={onOpen}
            onMove={onMove}
            onDragStart={setDragging}
            onDragEnd={endDrag}
          />
        ))}
      </BoardColumn>
    );
  };

  const columns = board?.columns ?? [];
  return (
    <div className={`opp-board${loading ? ' opp-board--loading' : ''}`} data-testid="opp-board">
      <div className="opp-board__toolbar">
        <Input
          allowClear
          className="opp-board__search"
          prefix={<SearchOutlined />}
          placeholder={t('opp.searchPlaceholder')}
          value={filters.search}
          onChange={(e) => onFiltersChange({ ...filters, search: e.target.value })}
          data-testid="board-search"
        />
        <Select<string[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="opp-board__filter"
          placeholder={t('opp.filterOwner')}
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.ownerIds}
          onChange={(ownerIds) => onFiltersChange({ ...filters, ownerIds })}
          options={staff.map((s) => ({ value: String(s.id), label: s.name }))}
          data-testid="board-owner"
        />
        <Select<BoardFilters['buyerTypes']>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="opp-board__filter"
          placeholder={t('opp.filterBuyerType')}
          value={filters.buyerTypes}
          onChange={(buyerTypes) => onFiltersChange({ ...filters, buyerTypes })}
          options={options(BUYER_TYPES)}
          data-testid="board-buyer-type"
        />
        {props.toolbarStart}
        <span className="opp-board__spacer" />
        <Tooltip title={t('opp.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={reload}
            aria-label={t('opp.refresh')}
            data-testid="board-refresh"
          />
        </Tooltip>
        {props.toolbarEnd}
      </div>
      {error && (
        <ErrorAlert
          error={error}
          className="gap-bottom"
          action={
            <Button size="small" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
          data-testid="board-error"
        />
      )}
      <div className="opp-board__header">
        <TotalsLine total={board?.total ?? null} loading={loading} />
      </div>
      <div className="opp-board__columns" data-testid="board-columns">
        {!board && loading && (
          <div className="opp-board__loading">
            <Spin />
          </div>
        )}
        {columns.filter((c) => isOpenStage(c.stage)).map(renderColumn)}
        {board && (
          <div className="opp-board__closed">
            {columns.filter((c) => !isOpenStage(c.stage)).map(renderColumn)}
          </div>
        )}
      </div>
      <div className="opp-board__hint">{t('opp.dragHint')}</div>
    </div>
  );
}
