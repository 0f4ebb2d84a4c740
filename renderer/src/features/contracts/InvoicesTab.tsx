/** 发票: the invoices with the VINs each covers; recorded against a final contract. */
import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ContractDetail, InvoiceRecord } from '../../../../shared/schemas/contracts';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { BulkInvoiceDialog } from './BulkInvoiceDialog';
import { InvoiceDialog } from './InvoiceDialog';
import { useRun } from '../../lib/use-run';

interface Props {
  detail: ContractDetail;
  onApplied: (detail: ContractDetail) => void;
}

export function InvoicesTab({ detail, onApplied }: Props) {
  const t = useT();
  const { lang } = useLang();
  const run = useRun();
  const [adding, setAdding] = useState(false);
  const [bulk, setBulk] = useState(false);
  const system = detail.kind === 'system';
  const why =
    detail.status !== 'final'
      ? t('reason.invoice.contract_not_final')
      : detail.invoicedFen >= detail.totalFen
        ? t('contracts.allInvoiced')
        : undefined;
  const unitOf = (i: InvoiceRecord) =>
    detail.allocations.find((x) => x.id === i.allocationId)?.unit.name ?? '—';

  const remove = (i: InvoiceRecord) =>
    run(
      call('contracts.removeInvoice', { id: i.id }),
      onApplied,
      t('contracts.invoiceRemoved', { number: i.number }),
    );

  return (
    <div data-testid="invoices-tab">
      <div className="tab-toolbar">
        <Tooltip title={why}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={why !== undefined}
            onClick={() => setAdding(true)}
            data-testid="invoice-add"
          >
            {t('contracts.invoiceAdd')}
          </Button>
        </Tooltip>
        <Tooltip title={why}>
          <Button
            icon={<SnippetsOutlined />}
            disabled={why !== undefined}
            onClick={() => setBulk(true)}
            data-testid="invoice-bulk"
          >
            {t('bulk.invoices')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {t('contracts.invoicedSummary', {
            invoiced: formatFen(detail.invoicedFen),
            total: formatFen(detail.totalFen),
          })}
        </Typography.Text>
      </div>
      <Table<InvoiceRecord>
        size="small"
        rowKey="id"
        dataSource={detail.invoices}
        pagination={false}
        locale={{ emptyText: t('contracts.invoicesEmpty') }}
        scroll={{ x: 900 }}
        data-testid="invoices-table"
        onRow={(i) => ({ className: 'con-row', ...testId(`invoice-row-${i.number}`) })}
        columns={[
          {
            key: 'number',
            title: t('contracts.invoiceNo'),
            width: 140,
            render: (_, i) => <span className="mono">{i.number}</span>,
          },
          {
            key: 'date',
            title: t('contracts.issuedOn'),
            width: 120,
            render: (_, i) => <span className="cell-date">{formatDate(i.issuedOn, lang)}</span>,
          },
          { key: 'buyer', title: t('contracts.buyerName'), dataIndex: 'buyerName', width: 200 },
          ...(system
            ? [
                {
                  key: 'unit',
                  title: t('contracts.unit'),
                  width: 180,
                  ellipsis: true,
                  render: (_: unknown, i: InvoiceRecord) => unitOf(i),
                },
              ]
            : []),
          {
            key: 'amount',
            title: t('contracts.invoiceAmount'),
            width: 140,
            align: 'right',
            render: (_, i) => <span className="mono">{formatFen(i.amountFen)}</span>,
          },
          {
            key: 'vins',
            title: t('contracts.invoiceVins'),
            render: (_, i) =>
              i.vins.length === 0 ? (
                <span className="cell-empty">—</span>
              ) : (
                <span className="con-vin-tags">
                  {i.vins.map((v) => (
                    <Tag key={v} className="mono">
                      {v}
                    </Tag>
                  ))}
                </span>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_, i) => (
              <Popconfirm
                title={t('contracts.invoiceRemoveConfirm', { number: i.number })}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, ...testId('invoice-remove-confirm') }}
                onConfirm={() => remove(i)}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  data-testid="invoice-remove"
                >
                  {t('common.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {bulk && (
        <BulkInvoiceDialog detail={detail} onClose={() => setBulk(false)} onApplied={onApplied} />
      )}
      {adding && (
        <InvoiceDialog
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
