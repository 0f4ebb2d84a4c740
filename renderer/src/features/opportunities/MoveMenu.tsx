/** "移至…": every stage but the current one, for moving without dragging. A won opportunity stays. */
import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { STAGES, STAGE_VALUES, type Stage } from '../../../../shared/sales-enums';
import { useEnumLabel, useT } from '../../i18n/context';

export function MoveMenu(props: {
  stage: Stage;
  onMove: (to: Stage) => void;
  testId: string;
  /** A small icon button on board cards, a labelled button on the opportunity card. */
  variant?: 'icon' | 'button';
  disabled?: boolean;
}) {
  const { stage, onMove, testId, variant = 'icon' } = props;
  const t = useT();
  const label = useEnumLabel();
  const won = stage === 'won';
  const disabled = won || props.disabled === true;
  const trigger =
    variant === 'icon' ? (
      <Button
        type="text"
        size="small"
        icon={<SwapOutlined />}
        aria-label={t('opp.moveTo')}
        title={won ? undefined : t('opp.moveTo')}
        disabled={disabled}
        data-testid={testId}
      />
    ) : (
      <Button icon={<SwapOutlined />} disabled={disabled} data-testid={testId}>
        {t('opp.moveToStage')} <DownOutlined />
      </Button>
    );
  return (
    // Clicks in the menu bubble (through the portal) to the board card: they must not open it.
    <span className="opp-move-menu" onClick={(e) => e.stopPropagation()}>
      {won ? (
        <Tooltip title={t('opp.wonIsFinal')}>
          <span>{trigger}</span>
        </Tooltip>
      ) : (
        <Dropdown
          trigger={['click']}
          disabled={disabled}
          menu={{
            items: STAGE_VALUES.filter((s) => s !== stage).map((s) => ({
              key: s,
              danger: s === 'lost',
              label: <span data-testid={`move-to-${s}`}>{label(STAGES, s)}</span>,
            })),
            onClick: ({ key }) => onMove(key as Stage),
          }}
        >
          {trigger}
        </Dropdown>
      )}
    </span>
  );
}
