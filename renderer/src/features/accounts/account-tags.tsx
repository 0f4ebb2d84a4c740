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
const LIFECYCLE_STATUS: Record<Lifecycle, 'default' | 'processing' | 'success' | 'warning'> = {
  prospect: 'default',
  target: 'processing',
  won: 'warning',
  retained: 'success',
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
  return <Badge status={LIFECYCLE_STATUS[value]} text={label(LIFECYCLES, value)} />;
}
