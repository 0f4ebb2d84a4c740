/** How an activity's type, outcome and next step look in grids, lists and the form. */
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { chinaDate } from '../../../../shared/dates';
import type { ActivityRow } from '../../../../shared/schemas/activities';
import type { Staff } from '../../../../shared/schemas/staff';
import {
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  type ActivityOutcome,
  type ActivityType,
} from '../../../../shared/sales-enums';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import './activities.css';

const TYPE_COLORS: Record<ActivityType, string> = {
  visit: 'blue',
  call: 'cyan',
  mailing: 'purple',
  mailing_call: 'geekblue',
  cold_call: 'orange',
  tender_docs: 'gold',
  quote: 'green',
};

const OUTCOME_COLORS: Record<ActivityOutcome, string> = {
  positive: 'success',
  neutral: 'default',
  negative: 'error',
  no_contact: 'warning',
};

/** The author or a manager may change an activity (the API says the same). */
export function canChangeActivity(user: Pick<Staff, 'id' | 'role'>, row: ActivityRow): boolean {
  return row.staffId === user.id || user.role !== 'specialist';
}

export function ActivityTypeTag({ type }: { type: ActivityType }) {
  const label = useEnumLabel();
  return (
    <Tag className="cell-tag" color={TYPE_COLORS[type]}>
      {label(ACTIVITY_TYPES, type)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: ActivityOutcome | null }) {
  const label = useEnumLabel();
  if (!outcome) return <span className="cell-empty">—</span>;
  return (
    <Tag className="cell-tag" color={OUTCOME_COLORS[outcome]}>
      {label(ACTIVITY_OUTCOMES, outcome)}
    </Tag>
  );
}

export type NextStepState = 'none' | 'done' | 'overdue' | 'open';

export function nextStepState(row: ActivityRow, today = chinaDate()): NextStepState {
  if (!row.nextStep) return 'none';
  if (row.nextStepDoneAt) return 'done';
  return row.nextStepOn && row.nextStepOn < today ? 'overdue' : 'open';
}

/** The next step with its date and an icon for done / overdue / open. */
export function NextStep({ row }: { row: ActivityRow }) {
  const t = useT();
  const { lang } = useLang();
  const state = nextStepState(row);
  if (state === 'none') return <span className="cell-empty">—</span>;
  const icon =
    state === 'done' ? (
      <CheckCircleFilled className="act-next__icon is-done" />
    ) : state === 'overdue' ? (
      <ExclamationCircleFilled className="act-next__icon is-overdue" />
    ) : (
      <ClockCircleOutlined className="act-next__icon" />
    );
  const status =
    state === 'done'
      ? t('activity.nextStatusDone')
      : state === 'overdue'
        ? t('activity.nextStatusOverdue')
        : t('activity.nextStatusOpen');
  return (
    <span className={`act-next is-${state}`} title={`${row.nextStep ?? ''} · ${status}`}>
      {icon}
      <span className="act-next__text">{row.nextStep}</span>
      {row.nextStepOn && <span className="act-next__date">{formatDate(row.nextStepOn, lang)}</span>}
    </span>
  );
}
