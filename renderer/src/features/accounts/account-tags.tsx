/** Coloured tags for the classifications staff scan for most: buyer type, grade, lifecycle. */
import { Badge, Tag } from 'antd';
import {
  BUYER_TYPES,
  type BuyerType,
  GRADES,
  type Grade,
  LIFECYCLES,
  type Lifecycle,
} from '../../../../shared/enums';
import { useEnumLabel } from '../../i18n/context';

const BUYER_COLORS: Record<BuyerType, string> = {
  direct: 'blue',
  government: 'red',
  system: 'purple',
};
const GRADE_COLORS: Record<Grade, string> = { A: 'volcano', B: 'gold', C: 'default' };
// Static dots only: antd's 'processing' dot pulses forever, and a page of target accounts then
// keeps the renderer painting (a core's worth of CPU on a modest office PC, even when idle).
const LIFECYCLE_COLORS: Record<Lifecycle, string> = {
  prospect: 'default',
  target: 'blue',
  won: 'orange',
  retained: 'green',
};

export function BuyerTypeTag({ value }: { value: BuyerType }) {
  const label = useEnumLabel();
  return (
    <Tag color={BUYER_COLORS[value]} className="cell-tag" title={label(BUYER_TYPES, value)}>
      {label(BUYER_TYPES, value)}
    </Tag>
  );
}

export function GradeTag({ value }: { value: Grade }) {
  const label = useEnumLabel();
  return (
    <Tag color={GRADE_COLORS[value]} className="cell-tag" title={label(GRADES, value)}>
      {label(GRADES, value)}
    </Tag>
  );
}

export function LifecycleBadge({ value }: { value: Lifecycle }) {
  const label = useEnumLabel();
  const color = LIFECYCLE_COLORS[value];
  const dot = color === 'default' ? { status: 'default' as const } : { color };
  return <Badge {...dot} text={label(LIFECYCLES, value)} />;
}
