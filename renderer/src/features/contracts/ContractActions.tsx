/**
 * The card's actions: 编辑 while a draft, 生效 once nothing blocks it, 报备 a final contract (its
 * filing is created, or the existing one opened), 作废 with a reason.
 */
import { AuditOutlined, CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert, ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { fileContract } from '../filings/file-contract';
import { isEditable } from './contract-rules';
import { reasonText } from '../../lib/reason-text';
import { useRun } from '../../lib/use-run';

interface Props {
  detail: ContractDetail;
  onEdit: (detail: ContractDetail) => void;
  onApplied: (detail: ContractDetail) => void;
}

export function ContractActions({ detail, onEdit, onApplied }: Props) {
  const t = useT();
  const { modal, message } = App.useApp();
  const run = useRun();
  const { navigate } = useHashRoute();
  const [finalizing, setFinalizing] = useState(false);
  const [filing, setFiling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const editable = isEditable(detail);
  const blocked = detail.finalBlockers.length > 0;
  const hasRecords = detail.deliveries.length > 0 || detail.invoices.length > 0;

  const finalize = () =>
    modal.confirm({
      title: t('contracts.finalizeTitle', { number: detail.number }),
      content: t('contracts.finalizeBody'),
      okText: t('contracts.finalize'),
      cancelText: t('common.cancel'),
      okButtonProps: testId('finalize-confirm'),
      onOk: async () => {
        setFinalizing(true);
        await run(
          call('contracts.finalize', { id: detail.id }),
          onApplied,
          t('contracts.finalized'),
        );
        setFinalizing(false);
      },
    });

  const file = async () => {
    setFiling(true);
    const r = await fileContract(detail.id, null);
    setFiling(false);
    if (!r.ok)
      return void modal.error({
        title: t('common.refused'),
        content: <ErrorBody error={r.error} />,
      });
    void (r.value.existed
      ? message.info(t('filings.alreadyFiled', { number: r.value.number }))
      : message.success(t('filings.created', { number: r.value.number })));
    navigate(recordPath('filings', r.value.id));
  };

  return (
    <Space>
      {detail.status === 'final' && (
        <Button
          icon={<AuditOutlined />}
          loading={filing}
          onClick={() => void file()}
          data-testid="contract-file"
        >
          {t('contracts.file')}
        </Button>
      )}
      {editable && (
        <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="contract-edit">
          {t('common.edit')}
        </Button>
      )}
      {editable && (
        <Tooltip
          title={
            blocked ? detail.finalBlockers.map((code) => reasonText(code, t)).join('；') : undefined
          }
        >
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={blocked}
            loading={finalizing}
            onClick={finalize}
            data-testid="contract-finalize"
          >
            {t('contracts.finalize')}
          </Button>
        </Tooltip>
      )}
      {detail.status !== 'cancelled' && (
        <Tooltip title={hasRecords ? t('reason.contract.has_deliveries') : undefined}>
          <Button
            danger
            icon={<StopOutlined />}
            disabled={hasRecords}
            onClick={() => setCancelling(true)}
            data-testid="contract-cancel"
          >
            {t('contracts.cancel')}
          </Button>
        </Tooltip>
      )}
      {cancelling && (
        <CancelDialog
          detail={detail}
          onClose={() => setCancelling(false)}
          onDone={(next) => {
            setCancelling(false);
            onApplied(next);
          }}
        />
      )}
    </Space>
  );
}

function CancelDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  onDone: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('contracts.cancel', { id: detail.id, reason: values.reason });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t('contracts.cancelled', { number: detail.number }));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t('contracts.cancelTitle', { number: detail.number })}
      okText={t('contracts.cancel')}
      cancelText={t('common.close')}
      okButtonProps={{ danger: true, loading: saving, ...testId('cancel-submit') }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="cancel-dialog"
    >
      <p>{t('contracts.cancelBody')}</p>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('contracts.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 1000, message: t('val.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={3} autoFocus data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
