/** Coloured tags of a claim: its status, another dealer's source, the authorisation, conflict matches. */
import { Tag } from 'antd';
import {
  AUTH_STATES,
  type AuthState,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  type ClaimSource,
  type ClaimStatus,
  CONFLICT_MATCHES,
  type ConflictMatch,
} from '../../../../shared/filing-enums';
import { useEnumLabel } from '../../i18n/context';

const STATUS_COLORS: Record<ClaimStatus, string> = {
  draft: 'default',
  filed: 'blue',
  approved: 'green',
  rejected: 'red',
  conflict: 'volcano',
  expired: 'default',
  released: 'default',
};

const AUTH_COLORS: Record<AuthState, string> = {
  not_needed: 'default',
  needed: 'orange',
  requested: 'gold',
  granted: 'green',
  refused: 'red',
};

export function ClaimStatusTag({ value }: { value: ClaimStatus }) {
  const label = useEnumLabel();
  return (
    <Tag color={STATUS_COLORS[value]} className="cell-tag" data-status={value}>
      {label(CLAIM_STATUSES, value)}
    </Tag>
  );
}

/** Only another dealer's claim is marked: ours are the rule. */
export function ClaimSourceTag({ value }: { value: ClaimSource }) {
  const label = useEnumLabel();
  if (value === 'ours') return null;
  return (
    <Tag color="purple" className="cell-tag" data-source={value}>
      {label(CLAIM_SOURCES, value)}
    </Tag>
  );
}

export function AuthStateTag({ value }: { value: AuthState }) {
  const label = useEnumLabel();
  return (
    <Tag color={AUTH_COLORS[value]} className="cell-tag" data-auth={value}>
      {label(AUTH_STATES, value)}
    </Tag>
  );
}

export function ConflictMatchTag({ value }: { value: ConflictMatch }) {
  const label = useEnumLabel();
  return (
    <Tag color={value === 'hierarchy' ? 'purple' : 'geekblue'} className="cell-tag">
      {label(CONFLICT_MATCHES, value)}
    </Tag>
  );
}
