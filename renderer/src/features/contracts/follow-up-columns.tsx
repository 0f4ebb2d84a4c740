/** Columns shared by the follow-up list of the page and of one contract. */
import { CheckOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FollowUp } from '../../../../shared/schemas/contracts';
import type { Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatDate, formatDateTime } from '../../lib/format';
import { recordPath } from '../../lib/use-hash-route';

export function followUpColumns(opts: {
  t: Translate;
  lang: Lang;
  today: string;
  /** The page lists many contracts' follow-ups; a contract's own tab leaves these out. */
  withContract: boolean;
  onDone: (f: FollowUp) => void;
}): ColumnsType<FollowUp> {
  const { t, lang, today, withContract, onDone } = opts;
  return [
    {
      key: 'due',
      title: t('contracts.followUpDue'),
      width: 190,
      render: (_, f) => {
        const overdue = f.doneAt === null && f.dueOn < today;
        return (
          <span className={overdue ? 'con-overdue' : 'cell-date'} data-overdue={overdue}>
            {formatDate(f.dueOn, lang)}
            {overdue && ` · ${t('contracts.overdue')}`}
          </span>
        );
      },
    },
    ...(withContract
      ? [
          {
            key: 'contract',
            title: t('contracts.contractNo'),
            width: 140,
            render: (_: unknown, f: FollowUp) => (
              <a href={`#${recordPath('contracts', f.contractId)}`} className="mono">
                {f.contractNo}
              </a>
            ),
          },
          {
            key: 'account',
            title: t('contracts.accountOrUnit'),
            ellipsis: true,
            render: (_: unknown, f: FollowUp) => f.unitName ?? f.accountName,
          },
        ]
      : [
          {
            key: 'unit',
            title: t('contracts.accountOrUnit'),
            ellipsis: true,
            render: (_: unknown, f: FollowUp) => f.unitName ?? f.accountName,
          },
        ]),
    {
      key: 'days',
      title: t('contracts.followUpDays'),
      width: 110,
      render: (_, f) => <Tag>{t('contracts.daysAfter', { days: f.days })}</Tag>,
    },
    {
      key: 'delivered',
      title: t('contracts.deliveredOn'),
      width: 120,
      render: (_, f) => <span className="cell-date">{formatDate(f.deliveredOn, lang)}</span>,
    },
    {
      key: 'outcome',
      title: t('contracts.followUpOutcome'),
      ellipsis: true,
      render: (_, f) =>
        f.doneAt ? (
          <Tooltip
            title={t('contracts.followUpDoneBy', {
              name: f.doneBy?.name ?? '—',
              at: formatDateTime(f.doneAt, lang),
            })}
          >
            <span>{f.outcome}</span>
          </Tooltip>
        ) : (
          <span className="con-muted">{t('contracts.followUpOpen')}</span>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, f) =>
        f.doneAt === null && (
          <Button
            type="link"
            size="small"
            icon={<CheckOutlined />}
            onClick={() => onDone(f)}
            data-testid="follow-up-done"
          >
            {t('contracts.followUpDone')}
          </Button>
        ),
    },
  ];
}
