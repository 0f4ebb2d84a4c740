/** A stage as a coloured tag, optionally with its win rate: the colour walks from cold to warm. */
import { Tag } from 'antd';
import { STAGES, type Stage } from '../../../../shared/sales-enums';
import { useEnumLabel } from '../../i18n/context';

export const STAGE_COLORS: Record<Stage, string> = {
  interest: 'default',
  brewing: 'cyan',
  design: 'blue',
  comparison: 'geekblue',
  commitment: 'purple',
  in_use: 'gold',
  won: 'green',
  lost: 'red',
  abandoned: 'default',
};

export function StageTag({ stage, probability }: { stage: Stage; probability?: number }) {
  const label = useEnumLabel();
  const text = label(STAGES, stage);
  return (
    <Tag color={STAGE_COLORS[stage]} className="cell-tag" title={text} data-stage={stage}>
      {text}
      {probability !== undefined && <span className="opp-tag-rate">{probability}%</span>}
    </Tag>
  );
}
