/**
 * 批量开票: one 机动车销售统一发票 per delivered vehicle, pasted from Excel as columns VIN, number,
 * date and amount (and optionally the buyer). Dates and amounts are read as people write them
 * (2026年3月5日, 21.9万元); every row is checked by the main process before anything is saved, and
 * the batch is saved whole.
 */
import { Alert, App, Button, Form, Input, Modal, Segmented } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { pastedInvoices } from '../../../../shared/pasted-table';
import type { ApiError } from '../../../../shared/result';
import type {
  BulkInvoiceResult,
  InvoiceRowVerdict,
} from '../../../../shared/schemas/bulk-deliveries';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import { formatFen, type MoneyUnit } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { errorKind } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { BulkPreviewTable } from './BulkPreviewTable';
import { BulkVerdict } from './BulkVerdict';

export function BulkInvoiceDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  onApplied: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [chosenUnit, setChosenUnit] = useState<MoneyUnit>('yuan');
  const [preview, setPreview] = useState<{ key: string; result: BulkInvoiceResult } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const pasted = useMemo(() => pastedInvoices(text), [text]);
  // A header saying 金额（万元） decides; otherwise the unit chosen here.
  const unit = pasted.unit ?? chosenUnit;
  const request = useMemo(
    () =>
      pasted.rows.length === 0
        ? null
        : { contractId: detail.id, amountUnit: unit, rows: pasted.rows },
    [pasted, unit, detail.id],
  );
  const key = JSON.stringify(request);
  const debouncedKey = useDebounced(key, 300);

  useEffect(() => {
    if (request === null || debouncedKey !== key) return;
    let live = true;
    void call('contracts.addInvoices', { ...request, dryRun: true }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setPreview({ key, result: r.value });
      } else {
        setPreview(null);
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [debouncedKey, key, request]);

  const current = preview !== null && preview.key === key && request !== null;
  const rows = current ? preview.result.rows : [];
  const bad = rows.filter((r) => r.problems.length > 0).length;
  const canSave = current && rows.length > 0 && bad === 0;

  const save = async () => {
    if (!request || !canSave) return;
    setSaving(true);
    const r = await call('contracts.addInvoices', request);
    setSaving(false);
    if (!r.ok) {
      if (errorKind(r.error) === 'bulk.rows_invalid') setPreview(null);
      setError(r.error);
      return;
    }
    void message.success(t('bulk.savedInvoices', { n: formatCount(rows.length, lang) }));
    if (r.value.contract) onApplied(r.value.contract);
    onClose();
  };

  const unreadable = <span className="cell-empty">{t('bulk.unreadable')}</span>;

  return (
    <Modal
      open
      title={t('bulk.invoicesTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={960}
      data-testid="bulk-invoice-dialog"
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={saving}
          disabled={!canSave}
          onClick={() => void save()}
          data-testid="bi-submit"
        >
          {canSave
            ? t('bulk.saveInvoices', { n: formatCount(rows.length, lang) })
            : t('common.save')}
        </Button>,
      ]}
    >
      {error && <ErrorAlert error={error} className="gap-bottom" data-testid="bi-error" />}
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('bulk.paste')} extra={t('bulk.pasteInvoicesHint')}>
          <Input.TextArea
            className="mono"
            rows={5}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            placeholder={'LSVAU2180N2000001\t04400001\t2026年3月5日\t219,000.00'}
            data-testid="bi-paste"
          />
        </Form.Item>
        <Form.Item
          label={t('bulk.amountUnit')}
          extra={pasted.unit !== null ? t('bulk.unitFromHeader') : undefined}
        >
          <Segmented<MoneyUnit>
            value={unit}
            disabled={pasted.unit !== null}
            onChange={setChosenUnit}
            options={[
              { value: 'yuan', label: t('bulk.unitYuan') },
              { value: 'wan', label: t('bulk.unitWan') },
            ]}
            data-testid="bi-unit"
          />
        </Form.Item>
      </Form>
      {request === null ? (
        <Alert type="info" showIcon title={t('bulk.emptyPaste')} />
      ) : !current ? (
        <Alert type="info" showIcon title={t('bulk.checking')} />
      ) : (
        <Alert
          type={bad > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="bi-summary"
          title={t('bulk.summaryInvoices', {
            total: formatCount(rows.length, lang),
            ok: formatCount(rows.length - bad, lang),
            bad: formatCount(bad, lang),
          })}
          description={bad > 0 ? t('bulk.fixFirst') : undefined}
        />
      )}
      {current && (
        <BulkPreviewTable<InvoiceRowVerdict>
          rows={rows}
          testIdPrefix="bi"
          vinWidth={180}
          columns={[
            {
              key: 'number',
              title: t('bulk.invoiceNo'),
              width: 120,
              render: (_, r) => <span className="mono">{r.number || '—'}</span>,
            },
            {
              key: 'issuedOn',
              title: t('bulk.issuedOn'),
              width: 120,
              render: (_, r) => (r.issuedOn ? formatDate(r.issuedOn, lang) : unreadable),
            },
            {
              key: 'amount',
              title: t('bulk.amount'),
              width: 130,
              align: 'right',
              render: (_, r) => (r.amountFen !== null ? formatFen(r.amountFen) : unreadable),
            },
            { key: 'buyer', title: t('bulk.buyer'), dataIndex: 'buyerName', ellipsis: true },
            {
              key: 'verdict',
              title: t('bulk.verdict'),
              width: 260,
              render: (_, r) => <BulkVerdict problems={r.problems} />,
            },
          ]}
        />
      )}
    </Modal>
  );
}
