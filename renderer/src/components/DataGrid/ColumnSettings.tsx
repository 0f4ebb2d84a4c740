/** "Columns" popover: show/hide and reorder columns, or go back to the default layout. */
import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useT } from '../../i18n/context';

interface Props<F extends string> {
  order: readonly F[];
  visible: Record<F, boolean>;
  headerOf: (id: F) => string;
  onToggle: (id: F, visible: boolean) => void;
  onMove: (id: F, delta: -1 | 1) => void;
  onReset: () => void;
}

export function ColumnSettings<F extends string>(props: Props<F>) {
  const { order, visible, headerOf, onToggle, onMove, onReset } = props;
  const t = useT();
  const visibleCount = order.filter((id) => visible[id]).length;

  const content = (
    <div className="dg-columns" data-testid="grid-columns-panel">
      <ul className="dg-columns__list">
        {order.map((id, i) => (
          <li key={id} className="dg-columns__item">
            <Checkbox
              checked={visible[id]}
              // At least one column stays visible.
              disabled={visible[id] && visibleCount === 1}
              onChange={(e) => onToggle(id, e.target.checked)}
              data-testid={`column-toggle-${id}`}
            >
              {headerOf(id)}
            </Checkbox>
            <span className="dg-columns__move">
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                aria-label={t('grid.moveUp')}
                onClick={() => onMove(id, -1)}
                data-testid={`column-up-${id}`}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={i === order.length - 1}
                aria-label={t('grid.moveDown')}
                onClick={() => onMove(id, 1)}
                data-testid={`column-down-${id}`}
              />
            </span>
          </li>
        ))}
      </ul>
      <div className="dg-columns__footer">
        <Button size="small" onClick={onReset} data-testid="columns-reset">
          {t('grid.resetLayout')}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('grid.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="grid-columns-button">
        {t('grid.columns')}
      </Button>
    </Popover>
  );
}
