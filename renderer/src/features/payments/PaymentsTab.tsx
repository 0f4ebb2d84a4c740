/**
 * 回款 on the contract card: the contract's balances and days outstanding, the payments with
 * edit and delete, and how the payments settle the invoices (oldest first).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import {
  type ContractPayments,
  PAYMENT_METHODS,
  type Payment,
} from '../../../../shared/schemas/payments';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useRun } from '../../lib/use-run';
import { PaymentDialog } from './PaymentDialog';
import { Money, ReceivableFigures } from './ReceivableFigures';
import { useContractPayments } from './use-contract-payments';
import './payments.css';

type Editing = { payment: Payment | null } | null;

export function PaymentsTab(props: { detail: ContractDetail; onChanged: () => void }) {
  const { detail, onChanged } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const run = useRun();
  // The card's contract changes (an invoice, cancelling) change the receivable too.
  const { data, error, reload, replace } = useContractPayments(detail.id, detail);
  const [editing, setEditing] = useState<Editing>(null);

  if (!data)
    return error ? (
      <ErrorAlert error={error} action={<Button onClick={reload}>{t('common.retry')}</Button>} />
    ) : null;

  const applied = (next: ContractPayments) => {
    replace(next);
    onChanged();
  };
  const remove = (p: Payment) =>
    run(call('payments.delete', { id: p.id, version: p.version }), applied, t('payments.deleted'));
  const why = data.open ? undefined : t('payments.notFinal');

  return (
    <div data-testid="payments-tab">
      <ReceivableFigures data={data} />
      <div className="tab-toolbar">
        <Tooltip title={why}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={why !== undefined}
            onClick={() => setEditing({ payment: null })}
            data-testid="payment-add"
          >
            {t('payments.add')}
          </Button>
        </Tooltip>
      </div>
      <Table<Payment>
        size="small"
        rowKey="id"
        dataSource={data.payments}
        pagination={false}
        locale={{ emptyText: t('payments.empty') }}
        scroll={{ x: 900 }}
        data-testid="payments-table"
        onRow={(p) => ({ className: 'pay-row', ...testId(`payment-row-${p.id}`) })}
        columns={[
          {
            key: 'date',
            title: t('payments.receivedOn'),
            width: 120,
            render: (_, p) => <span className="cell-date">{formatDate(p.receivedOn, lang)}</span>,
          },
          {
            key: 'amount',
            title: t('payments.amount'),
            width: 150,
            align: 'right',
            render: (_, p) => (
              <Space size={4}>
                {p.overpaymentReason !== null && (
                  <Tooltip title={p.overpaymentReason}>
                    <Tag color="orange">{t('payments.overpaymentTag')}</Tag>
                  </Tooltip>
                )}
                <Money fen={p.amountFen} />
              </Space>
            ),
          },
          {
            key: 'method',
            title: t('payments.method'),
            width: 110,
            render: (_, p) => label(PAYMENT_METHODS, p.method),
          },
          {
            key: 'invoice',
            title: t('payments.invoice'),
            width: 120,
            render: (_, p) =>
              p.invoiceNo ? (
                <span className="mono">{p.invoiceNo}</span>
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
          {
            key: 'reference',
            title: t('payments.reference'),
            width: 150,
            ellipsis: true,
            render: (_, p) => <span className="mono">{p.reference ?? '—'}</span>,
          },
          {
            key: 'payer',
            title: t('payments.payer'),
            ellipsis: true,
            render: (_, p) => p.payer ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'by',
            title: t('payments.createdBy'),
            width: 90,
            render: (_, p) => p.createdBy ?? '—',
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  disabled={!data.open}
                  onClick={() => setEditing({ payment: p })}
                  data-testid="payment-edit"
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('payments.deleteConfirm', { amount: formatFen(p.amountFen) })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, ...testId('payment-delete-confirm') }}
                  onConfirm={() => remove(p)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid="payment-delete"
                  >
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {data.invoices.length > 0 && (
        <>
          <Typography.Title level={5} className="pay-subtitle">
            {t('payments.invoicesTitle')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            dataSource={data.invoices}
            pagination={false}
            data-testid="payment-invoices"
            columns={[
              {
                key: 'number',
                title: t('payments.invoice'),
                width: 140,
                render: (_, i) => <span className="mono">{i.number}</span>,
              },
              {
                key: 'issued',
                title: t('contracts.issuedOn'),
                width: 120,
                render: (_, i) => formatDate(i.issuedOn, lang),
              },
              {
                key: 'amount',
                title: t('contracts.invoiceAmount'),
                align: 'right',
                render: (_, i) => <Money fen={i.amountFen} />,
              },
              {
                key: 'paid',
                title: t('payments.invoicePaid'),
                align: 'right',
                render: (_, i) => <Money fen={i.paidFen} />,
              },
              {
                key: 'open',
                title: t('payments.invoiceOpen'),
                align: 'right',
                render: (_, i) => (
                  <Money
                    fen={i.openFen}
                    className={i.openFen > 0 ? 'pay-open-cell' : 'cell-zero'}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {editing && (
        <PaymentDialog
          data={data}
          payment={editing.payment}
          onClose={() => setEditing(null)}
          onDone={(next) => {
            setEditing(null);
            applied(next);
          }}
        />
      )}
    </div>
  );
}
