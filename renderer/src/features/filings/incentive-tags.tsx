/** Where a filing's incentive stands, as a coloured tag. */
import { Tag } from 'antd';
import { INCENTIVE_STATES, type IncentiveState } from '../../../../shared/filing-enums';
import { useEnumLabel } from '../../i18n/context';

const STATE_COLORS: Record<IncentiveState, string> = {
  not_submitted: 'default',
  withdrawn: 'default',
  awaiting_verdict: 'blue',
  rejected: 'red',
  awaiting_payment: 'gold',
  partly_paid: 'orange',
  paid: 'green',
};

export function IncentiveStateTag({ value }: { value: IncentiveState }) {
  const label = useEnumLabel();
  return (
    <Tag color={STATE_COLORS[value]} data-testid="incentive-state" data-state={value}>
      {label(INCENTIVE_STATES, value)}
    </Tag>
  );
}
