/**
 * 交车: the delivered vehicles by VIN; new ones only against a final contract. A vehicle's
 * registration (行驶证) is recorded on its row once it comes back from the vehicle office.
 */
import { DeleteOutlined, IdcardOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ContractDetail, DeliveryRecord } from '../../../../shared/schemas/contracts';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { BulkDeliveryDialog } from './BulkDeliveryDialog';
import { DeliveryDialog } from './DeliveryDialog';
import { RegistrationDialog } from './RegistrationDialog';
import { useRun } from '../../lib/use-run';

interface Props {
  detail: ContractDetail;
  onApplied: (detail: ContractDetail) => void;
}

export function DeliveriesTab({ detail, onApplied }: Props) {
  const t = useT();
  const { lang } = useLang();
  const run = useRun();
  const [adding, setAdding] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [registering, setRegistering] = useState<DeliveryRecord | null>(null);
  const system = detail.kind === 'system';
  const full = detail.delivered >= detail.quantity;
  const why =
    detail.status !== 'final'
      ? t('reason.delivery.contract_not_final')
      : full
        ? t('contracts.allDelivered')
        : system && detail.allocations.length === 0
          ? t('contracts.allocateFirst')
          : undefined;

  const remove = (d: DeliveryRecord) =>
    run(
      call('contracts.removeDelivery', { id: d.id }),
      onApplied,
      t('contracts.deliveryRemoved', { vin: d.vin }),
    );

  return (
    <div data-testid="deliveries-tab">
      <div className="tab-toolbar">
        <Tooltip title={why}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={why !== undefined}
            onClick={() => setAdding(true)}
            data-testid="delivery-add"
          >
            {t('contracts.deliveryAdd')}
          </Button>
        </Tooltip>
        <Tooltip title={why}>
          <Button
            icon={<SnippetsOutlined />}
            disabled={why !== undefined}
            onClick={() => setBulk(true)}
            data-testid="delivery-bulk"
          >
            {t('bulk.deliveries')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {t('contracts.deliveredSummary', {
            delivered: formatCount(detail.delivered, lang),
            quantity: formatCount(detail.quantity, lang),
          })}
        </Typography.Text>
      </div>
      <Table<DeliveryRecord>
        size="small"
        rowKey="id"
        dataSource={detail.deliveries}
        pagination={detail.deliveries.length > 50 ? { pageSize: 50, size: 'small' } : false}
        locale={{ emptyText: t('contracts.deliveriesEmpty') }}
        scroll={{ x: 1060 }}
        data-testid="deliveries-table"
        onRow={(d) => ({ className: 'con-row', ...testId(`delivery-row-${d.vin}`) })}
        columns={[
          {
            key: 'vin',
            title: t('contracts.vin'),
            width: 190,
            render: (_, d) => <span className="mono">{d.vin}</span>,
          },
          { key: 'model', title: t('contracts.model'), dataIndex: 'model', width: 120 },
          ...(system
            ? [
                {
                  key: 'unit',
                  title: t('contracts.unit'),
                  ellipsis: true,
                  render: (_: unknown, d: DeliveryRecord) => d.unitName ?? '—',
                },
              ]
            : []),
          {
            key: 'plate',
            title: t('contracts.plate'),
            width: 110,
            render: (_, d) => d.plate ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'owner',
            title: t('contracts.registrationOwner'),
            ellipsis: true,
            render: (_, d) => d.registrationOwner ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'date',
            title: t('contracts.deliveredOn'),
            width: 120,
            render: (_, d) => <span className="cell-date">{formatDate(d.deliveredOn, lang)}</span>,
          },
          {
            key: 'invoice',
            title: t('contracts.invoiceNo'),
            width: 130,
            render: (_, d) =>
              d.invoiceNo ? (
                <span className="mono">{d.invoiceNo}</span>
              ) : (
                <span className="con-muted">{t('contracts.notInvoiced')}</span>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 190,
            render: (_, d) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<IdcardOutlined />}
                  disabled={detail.status !== 'final'}
                  onClick={() => setRegistering(d)}
                  data-testid="delivery-register"
                >
                  {d.registeredOn ? t('contracts.registerChange') : t('contracts.register')}
                </Button>
                <Tooltip title={d.invoiceId !== null ? t('reason.delivery.invoiced') : undefined}>
                  <Popconfirm
                    title={t('contracts.deliveryRemoveConfirm', { vin: d.vin })}
                    okText={t('common.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...testId('delivery-remove-confirm') }}
                    onConfirm={() => remove(d)}
                    disabled={d.invoiceId !== null}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={d.invoiceId !== null}
                      data-testid="delivery-remove"
                    >
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <DeliveryDialog detail={detail} onClose={() => setAdding(false)} onApplied={onApplied} />
      )}
      {bulk && (
        <BulkDeliveryDialog detail={detail} onClose={() => setBulk(false)} onApplied={onApplied} />
      )}
      {registering && (
        <RegistrationDialog
          detail={detail}
          delivery={registering}
          onClose={() => setRegistering(null)}
          onApplied={onApplied}
        />
      )}
    </div>
  );
}
