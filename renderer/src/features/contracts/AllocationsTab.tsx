/**
 * 分配 (system contracts): the units of each line allocated to subordinate units of the head
 * office; deliveries and invoices then go per allocation.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Allocation, ContractDetail } from '../../../../shared/schemas/contracts';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { accountPath } from '../../lib/use-hash-route';
import { testId } from '../../lib/test-id';
import { AllocationDialog } from './AllocationDialog';
import { lineLabel } from './contract-rules';
import { useRun } from '../../lib/use-run';

interface Props {
  detail: ContractDetail;
  onApplied: (detail: ContractDetail) => void;
}

export function AllocationsTab({ detail, onApplied }: Props) {
  const t = useT();
  const { lang } = useLang();
  const run = useRun();
  const [adding, setAdding] = useState(false);
  const open = detail.status !== 'cancelled';
  const unallocated = detail.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.allocated), 0);

  const remove = (x: Allocation) =>
    run(
      call('contracts.removeAllocation', { id: x.id }),
      onApplied,
      t('contracts.allocationRemoved', { unit: x.unit.name }),
    );

  return (
    <div data-testid="allocations-tab">
      <div className="tab-toolbar">
        {open && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="allocation-add"
          >
            {t('contracts.allocationAdd')}
          </Button>
        )}
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {unallocated > 0
            ? t('contracts.unallocated', { n: formatCount(unallocated, lang) })
            : t('contracts.allAllocated')}
        </Typography.Text>
      </div>
      <div className="con-line-progress">
        {detail.lines.map((l) => (
          <span key={l.id} className="con-line-progress__item">
            {lineLabel(l)}：
            {t('contracts.allocatedOf', {
              allocated: formatCount(l.allocated, lang),
              quantity: formatCount(l.quantity, lang),
            })}
          </span>
        ))}
      </div>
      <Table<Allocation>
        size="small"
        rowKey="id"
        dataSource={detail.allocations}
        pagination={false}
        locale={{ emptyText: t('contracts.allocationsEmpty') }}
        data-testid="allocations-table"
        onRow={(x) => ({ className: 'con-row', ...testId(`allocation-row-${x.id}`) })}
        columns={[
          {
            key: 'unit',
            title: t('contracts.unit'),
            render: (_, x) => <a href={`#${accountPath(x.unit.id)}`}>{x.unit.name}</a>,
          },
          { key: 'model', title: t('contracts.model'), dataIndex: 'model', width: 150 },
          {
            key: 'quantity',
            title: t('contracts.allocated'),
            width: 90,
            align: 'right',
            render: (_, x) => formatCount(x.quantity, lang),
          },
          {
            key: 'delivered',
            title: t('contracts.delivered'),
            width: 90,
            align: 'right',
            render: (_, x) =>
              `${formatCount(x.delivered, lang)} / ${formatCount(x.quantity, lang)}`,
          },
          {
            key: 'invoiced',
            title: t('contracts.invoiced'),
            width: 140,
            align: 'right',
            render: (_, x) => <span className="mono">{formatFen(x.invoicedFen)}</span>,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_, x) => {
              const used = x.delivered > 0 || x.invoicedFen > 0;
              return (
                <Tooltip title={used ? t('reason.allocation.in_use') : undefined}>
                  <Popconfirm
                    title={t('contracts.allocationRemoveConfirm', { unit: x.unit.name })}
                    okText={t('common.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...testId('allocation-remove-confirm') }}
                    onConfirm={() => remove(x)}
                    disabled={used || !open}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={used || !open}
                      data-testid="allocation-remove"
                    >
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                </Tooltip>
              );
            },
          },
        ]}
      />
      {adding && (
        <AllocationDialog
          detail={detail}
          onClose={() => setAdding(false)}
          onDone={(next) => {
            setAdding(false);
            onApplied(next);
          }}
        />
      )}
    </div>
  );
}
