/** A column header: click to sort (shift adds a secondary sort), filter popover, resize handle. */
import { CaretDownOutlined, CaretUpOutlined, FilterFilled } from '@ant-design/icons';
import type { Header } from '@tanstack/react-table';
import { Popover, Tooltip } from 'antd';
import { useState } from 'react';
import type { Filter } from '../../../../shared/list';
import { useT } from '../../i18n/context';
import { FilterEditor } from './FilterEditor';
import type { GridColumnDef } from './types';

interface Props<Row, F extends string> {
  header: Header<Row, unknown>;
  def: GridColumnDef<Row, F>;
  filter: Filter | undefined;
  filterable: boolean;
  /** The column may hold nothing: its filter offers "(none)". */
  nullable: boolean;
  sortCount: number;
  onFilter: (filter: Filter | undefined) => void;
}

export function HeaderCell<Row, F extends string>(props: Props<Row, F>) {
  const { header, def, filter, filterable, nullable, sortCount, onFilter } = props;
  const t = useT();
  const [open, setOpen] = useState(false);
  const column = header.column;
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  const toggleSort = column.getToggleSortingHandler();

  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={`dg-th${filter ? ' dg-th--filtered' : ''}${canSort ? ' dg-th--sortable' : ''}`}
      style={{ width: header.getSize() }}
      data-testid={`grid-header-${def.id}`}
    >
      <Tooltip title={canSort ? t('grid.sortHint') : undefined} mouseEnterDelay={0.8}>
        <button
          type="button"
          className={`dg-th__label dg-align-${def.align ?? 'left'}`}
          onClick={toggleSort}
          disabled={!canSort}
          data-testid={`grid-sort-${def.id}`}
        >
          <span className="dg-th__text">{def.header}</span>
          {sorted && (
            <span
              className="dg-th__sort"
              data-testid={`grid-sort-state-${def.id}`}
              data-sort={sorted}
            >
              {sorted === 'asc' ? <CaretUpOutlined /> : <CaretDownOutlined />}
              {sortCount > 1 && <sup>{column.getSortIndex() + 1}</sup>}
            </span>
          )}
        </button>
      </Tooltip>
      {filterable && (
        <Popover
          trigger="click"
          placement="bottomLeft"
          open={open}
          onOpenChange={setOpen}
          destroyOnHidden
          title={def.header}
          content={
            <FilterEditor
              field={def.id}
              kind={def.kind}
              options={def.options}
              nullable={nullable}
              unit={def.filterUnit}
              value={filter}
              onApply={(f) => {
                onFilter(f);
                setOpen(false);
              }}
            />
          }
        >
          <button
            type="button"
            className={`dg-th__filter${filter ? ' is-active' : ''}`}
            aria-label={t('grid.filter')}
            data-testid={`grid-filter-${def.id}`}
            data-active={filter ? 'true' : 'false'}
          >
            <FilterFilled />
          </button>
        </Popover>
      )}
      <div
        className={`dg-th__resizer${column.getIsResizing() ? ' is-resizing' : ''}`}
        onMouseDown={header.getResizeHandler()}
        onTouchStart={header.getResizeHandler()}
        onDoubleClick={() => column.resetSize()}
        onClick={(e) => e.stopPropagation()}
        data-testid={`grid-resize-${def.id}`}
      />
    </div>
  );
}
