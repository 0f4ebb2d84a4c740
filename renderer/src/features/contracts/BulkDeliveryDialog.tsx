/**
 * 批量交车: VINs pasted from Excel (a column, one per line, or comma-separated) for one line — and,
 * for a system contract, one unit's allocation — delivered on one day. Each row is checked by the
 * main process as the paste changes (check character, repeated, already delivered, more than the
 * line or unit can take); the batch is saved only when every row is right, all at once.
 */
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { pastedVins } from '../../../../shared/pasted-table';
import type { ApiError } from '../../../../shared/result';
import type {
  BulkDeliveryResult,
  DeliveryRowVerdict,
} from '../../../../shared/schemas/bulk-deliveries';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import { normalizeVin } from '../../../../shared/vin';
import { call } from '../../api/client';
import { errorKind } from '../../api/errors';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { BulkPreviewTable } from './BulkPreviewTable';
import { BulkVerdict } from './BulkVerdict';
import { lineLabel, partyOf } from './contract-rules';

function firstSlot(d: ContractDetail): { lineId: number | null; allocationId: number | null } {
  if (d.kind === 'system') {
    const x = d.allocations.find((a) => a.delivered < a.quantity);
    return { lineId: x?.lineId ?? d.lines[0]?.id ?? null, allocationId: x?.id ?? null };
  }
  return {
    lineId: (d.lines.find((l) => l.delivered < l.quantity) ?? d.lines[0])?.id ?? null,
    allocationId: null,
  };
}

export function BulkDeliveryDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  onApplied: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const system = detail.kind === 'system';
  const initial = firstSlot(detail);
  const [lineId, setLineId] = useState(initial.lineId);
  const [allocationId, setAllocationId] = useState(initial.allocationId);
  const [deliveredOn, setDeliveredOn] = useState<string | null>(chinaDate());
  const [owner, setOwner] = useState(partyOf(detail, initial.allocationId));
  const [ownerTouched, setOwnerTouched] = useState(false);
  const [text, setText] = useState('');
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<{ key: string; result: BulkDeliveryResult } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const request = useMemo(() => {
    const vins = pastedVins(text);
    if (vins.length === 0 || lineId === null || deliveredOn === null) return null;
    return {
      contractId: detail.id,
      lineId,
      allocationId: system ? allocationId : null,
      deliveredOn,
      registrationOwner: owner,
      rows: vins.map((vin) => ({ vin, acceptCheckDigit: accepted.has(normalizeVin(vin)) })),
    };
  }, [text, lineId, allocationId, deliveredOn, owner, accepted, detail.id, system]);
  const key = JSON.stringify(request);
  const debouncedKey = useDebounced(key, 300);

  useEffect(() => {
    if (request === null || debouncedKey !== key) return;
    let live = true;
    void call('contracts.addDeliveries', { ...request, dryRun: true }).then((r) => {
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

  const toggle = (vin: string, on: boolean) =>
    setAccepted((prev) => {
      const next = new Set(prev);
      if (on) next.add(vin);
      else next.delete(vin);
      return next;
    });

  const save = async () => {
    if (!request || !canSave) return;
    setSaving(true);
    const r = await call('contracts.addDeliveries', request);
    setSaving(false);
    if (!r.ok) {
      // Someone delivered one of these meanwhile: show the rows as they stand now.
      if (errorKind(r.error) === 'bulk.rows_invalid') setPreview(null);
      setError(r.error);
      return;
    }
    void message.success(t('bulk.savedDeliveries', { n: formatCount(rows.length, lang) }));
    if (r.value.contract) onApplied(r.value.contract);
    onClose();
  };

  const allocations = detail.allocations.filter((x) => x.lineId === lineId);
  const checkDigitRow = (r: DeliveryRowVerdict) =>
    r.problems.some((p) => p.code === 'vin.check_digit') ||
    r.warnings.some((w) => w.code === 'vin.check_digit_accepted');

  return (
    <Modal
      open
      title={t('bulk.deliveriesTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={860}
      data-testid="bulk-delivery-dialog"
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
          data-testid="bd-submit"
        >
          {canSave
            ? t('bulk.saveDeliveries', { n: formatCount(rows.length, lang) })
            : t('common.save')}
        </Button>,
      ]}
    >
      {error && <ErrorAlert error={error} className="gap-bottom" data-testid="bd-error" />}
      <Form layout="vertical" requiredMark={false} className="form-grid">
        <Form.Item label={t('contracts.line')} className={system ? undefined : 'form-grid__wide'}>
          <Select<number>
            value={lineId ?? undefined}
            options={detail.lines.map((l) => ({
              value: l.id,
              label: `${lineLabel(l)} · ${formatCount(l.delivered, lang)} / ${formatCount(l.quantity, lang)}`,
            }))}
            onChange={(v) => {
              setLineId(v);
              const x = detail.allocations.find((a) => a.lineId === v && a.delivered < a.quantity);
              setAllocationId(system ? (x?.id ?? null) : null);
              if (!ownerTouched) setOwner(partyOf(detail, system ? (x?.id ?? null) : null));
            }}
            data-testid="bd-lineId"
          />
        </Form.Item>
        {system && (
          <Form.Item label={t('contracts.allocation')}>
            <Select<number>
              value={allocationId ?? undefined}
              placeholder={t('contracts.allocationPlaceholder')}
              notFoundContent={t('contracts.allocationsNoneForLine')}
              options={allocations.map((x) => ({
                value: x.id,
                label: `${x.unit.name} · ${formatCount(x.delivered, lang)} / ${formatCount(x.quantity, lang)}`,
              }))}
              onChange={(v) => {
                setAllocationId(v);
                if (!ownerTouched) setOwner(partyOf(detail, v));
              }}
              data-testid="bd-allocationId"
            />
          </Form.Item>
        )}
        <Form.Item label={t('contracts.deliveredOn')}>
          <DateInput value={deliveredOn} onChange={setDeliveredOn} testId="bd-deliveredOn" />
        </Form.Item>
        <Form.Item label={t('contracts.registrationOwner')}>
          <Input
            value={owner}
            maxLength={200}
            onChange={(e) => {
              setOwnerTouched(true);
              setOwner(e.target.value);
            }}
            data-testid="bd-registrationOwner"
          />
        </Form.Item>
        <Form.Item
          label={t('bulk.paste')}
          className="form-grid__wide"
          extra={t('bulk.pasteVinsHint')}
        >
          <Input.TextArea
            className="mono"
            rows={5}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            placeholder={'LSVAU2180N2000001\nLSVAU2180N2000002\n…'}
            data-testid="bd-paste"
          />
        </Form.Item>
      </Form>
      {request === null ? (
        <Alert type="info" showIcon title={t('bulk.emptyPaste')} />
      ) : !current ? (
        <Alert type="info" showIcon title={t('bulk.checking')} data-testid="bd-checking" />
      ) : (
        <Alert
          type={bad > 0 ? 'warning' : 'success'}
          showIcon
          data-testid="bd-summary"
          title={t('bulk.summaryDeliveries', {
            total: formatCount(rows.length, lang),
            ok: formatCount(rows.length - bad, lang),
            bad: formatCount(bad, lang),
            remaining: formatCount(preview.result.remaining, lang),
          })}
          description={bad > 0 ? t('bulk.fixFirst') : undefined}
        />
      )}
      {current && (
        <BulkPreviewTable<DeliveryRowVerdict>
          rows={rows}
          testIdPrefix="bd"
          vinWidth={200}
          columns={[
            {
              key: 'verdict',
              title: t('bulk.verdict'),
              render: (_, r) => (
                <>
                  <BulkVerdict problems={r.problems} warnings={r.warnings} />
                  {checkDigitRow(r) && (
                    <Checkbox
                      checked={accepted.has(r.vin)}
                      onChange={(e) => toggle(r.vin, e.target.checked)}
                      data-testid={`bd-accept-${r.row}`}
                    >
                      {t('bulk.acceptCheckDigit')}
                    </Checkbox>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
