/** The columns of the activities grid, headed by ACTIVITY_COLUMN_LABELS. */
import { useMemo } from 'react';
import { ACTIVITY_COLUMN_LABELS, type ActivityRow } from '../../../../shared/schemas/activities';
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../../../shared/sales-enums';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { ActivityRowActions } from './ActivityRowActions';
import { ActivityTypeTag, NextStep, OutcomeTag } from './activity-tags';
import type { ActivityGridColumn } from './fetch-activities';

type Col = GridColumnDef<ActivityRow, ActivityGridColumn>;

function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

export interface RowHandlers {
  onEdit: (row: ActivityRow) => void;
  onToggleNextStep: (row: ActivityRow) => void;
  onDelete: (row: ActivityRow) => void;
}

export function useActivityColumns(handlers: RowHandlers): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();
  const { onEdit, onToggleNextStep, onDelete } = handlers;

  return useMemo<Col[]>(() => {
    const header = (id: keyof typeof ACTIVITY_COLUMN_LABELS) => label(ACTIVITY_COLUMN_LABELS, id);
    return [
      {
        id: 'occurredOn',
        header: header('occurredOn'),
        kind: 'date',
        width: 108,
        cell: (r) => <span className="cell-date">{formatDate(r.occurredOn, lang)}</span>,
      },
      {
        id: 'type',
        header: header('type'),
        kind: 'enum',
        width: 96,
        options: options(ACTIVITY_TYPES),
        cell: (r) => <ActivityTypeTag type={r.type} />,
      },
      {
        id: 'accountName',
        header: header('accountName'),
        kind: 'text',
        width: 190,
        cell: (r) => (
          <span className="cell-text cell-name" title={r.accountName}>
            {r.accountName}
          </span>
        ),
      },
      {
        id: 'opportunityTitle',
        header: header('opportunityTitle'),
        kind: 'text',
        width: 150,
        cell: (r) => <Text value={r.opportunityTitle} />,
      },
      {
        id: 'contactName',
        header: header('contactName'),
        kind: 'text',
        width: 76,
        cell: (r) => <Text value={r.contactName} />,
      },
      {
        id: 'staffId',
        header: header('staffId'),
        kind: 'enum',
        width: 72,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.staffName} />,
      },
      {
        id: 'outcome',
        header: header('outcome'),
        kind: 'enum',
        width: 80,
        options: options(ACTIVITY_OUTCOMES),
        cell: (r) => <OutcomeTag outcome={r.outcome} />,
      },
      {
        id: 'summary',
        header: header('summary'),
        kind: 'text',
        width: 190,
        cell: (r) => <Text value={r.summary} />,
      },
      {
        id: 'nextStep',
        header: header('nextStep'),
        kind: 'text',
        width: 190,
        cell: (r) => <NextStep row={r} />,
      },
      {
        id: 'nextStepOn',
        header: header('nextStepOn'),
        kind: 'date',
        width: 120,
        defaultVisible: false,
        cell: (r) =>
          r.nextStepOn ? (
            <span className="cell-date">{formatDate(r.nextStepOn, lang)}</span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'nextStepDone',
        header: header('nextStepDone'),
        kind: 'enum',
        width: 110,
        defaultVisible: false,
        options: [
          { value: 'yes', label: t('activity.nextStatusDone') },
          { value: 'no', label: t('activity.nextStatusOpen') },
        ],
        cell: (r) =>
          r.nextStep ? (
            <span>
              {r.nextStepDoneAt ? t('activity.nextStatusDone') : t('activity.nextStatusOpen')}
            </span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'createdAt',
        header: header('createdAt'),
        kind: 'date',
        width: 160,
        defaultVisible: false,
        cell: (r) => <span className="cell-date">{formatDateTime(r.createdAt, lang)}</span>,
      },
      {
        id: 'accountId',
        header: header('accountId'),
        kind: 'enum',
        width: 90,
        defaultVisible: false,
        cell: (r) => <span className="mono">{r.accountId}</span>,
      },
      {
        id: 'opportunityId',
        header: header('opportunityId'),
        kind: 'enum',
        width: 90,
        defaultVisible: false,
        cell: (r) =>
          r.opportunityId ? (
            <span className="mono">{r.opportunityId}</span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'actions',
        header: t('common.actions'),
        kind: 'text',
        width: 92,
        cell: (r) => (
          <ActivityRowActions
            row={r}
            onEdit={onEdit}
            onToggleNextStep={onToggleNextStep}
            onDelete={onDelete}
          />
        ),
      },
    ];
  }, [t, lang, label, options, staff, onEdit, onToggleNextStep, onDelete]);
}
