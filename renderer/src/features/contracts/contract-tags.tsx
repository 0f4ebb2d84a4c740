/** Coloured tags for a contract's kind and status and for the state of a price approval. */
import { Tag } from 'antd';
import {
  APPROVAL_STATES,
  type ApprovalState,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  type ContractKind,
  type ContractStatus,
} from '../../../../shared/sales-enums';
import { useEnumLabel, useT } from '../../i18n/context';

const STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  pending_approval: 'gold',
  final: 'green',
  cancelled: 'red',
};

const APPROVAL_COLORS: Record<ApprovalState, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  superseded: 'default',
};

export function ContractStatusTag({ value }: { value: ContractStatus }) {
  const label = useEnumLabel();
  return (
    <Tag color={STATUS_COLORS[value]} className="cell-tag" data-status={value}>
      {label(CONTRACT_STATUSES, value)}
    </Tag>
  );
}

export function ContractKindTag({ value }: { value: ContractKind }) {
  const label = useEnumLabel();
  return (
    <Tag
      color={value === 'system' ? 'purple' : 'blue'}
      className="cell-tag"
      title={label(CONTRACT_KINDS, value)}
    >
      {label(CONTRACT_KINDS, value)}
    </Tag>
  );
}

export function ApprovalStateTag({ value }: { value: ApprovalState }) {
  const label = useEnumLabel();
  return (
    <Tag color={APPROVAL_COLORS[value]} className="cell-tag" data-state={value}>
      {label(APPROVAL_STATES, value)}
    </Tag>
  );
}

/** A line priced under the policy floor: allowed only with a manager's approval. */
export function BelowFloorTag() {
  const t = useT();
  return (
    <Tag color="orange" className="cell-tag">
      {t('contracts.belowFloor')}
    </Tag>
  );
}
