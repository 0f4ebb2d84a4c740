/**
 * 价格审批: a price under the policy floor needs a manager's approval before the contract is final.
 * The requester says why; another manager approves or rejects with a note. Who decided, when, and
 * which prices they saw are kept, so a filing can show the approval behind a bulk price.
 */
import { CheckOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import type { Approval, ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { formatFen } from '../../../../shared/values/money';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { isEditable, lineLabel } from './contract-rules';
import { ApprovalStateTag } from './contract-tags';

interface Props {
  detail: ContractDetail;
  onApplied: (detail: ContractDetail) => void;
}

export function ApprovalsTab({ detail, onApplied }: Props) {
  const t = useT();
  const { user } = useSession();
  const [deciding, setDeciding] = useState<{ approval: Approval; approve: boolean } | null>(null);
  const isManager = user.role === 'manager' || user.role === 'admin';
  const needsRequest =
    isEditable(detail) && detail.finalBlockers.includes('contract.approval_missing');
  const belowFloor = detail.lines.some((l) => l.belowFloor);
  // Newest first: the request that counts now is on top.
  const approvals = [...detail.approvals].reverse();

  return (
    <div data-testid="approvals-tab">
      {needsRequest && <RequestForm detail={detail} onApplied={onApplied} />}
      {!belowFloor && approvals.length === 0 && (
        <Alert type="success" showIcon title={t('contracts.approvalNotNeeded')} />
      )}
      {belowFloor && detail.status === 'pending_approval' && !isManager && (
        <Alert type="info" showIcon className="gap-bottom" title={t('contracts.approvalWaiting')} />
      )}
      {approvals.length === 0 && belowFloor && !needsRequest && (
        <Empty description={t('contracts.approvalsEmpty')} />
      )}
      <div className="con-approvals">
        {approvals.map((a) => (
          <ApprovalCard
            key={a.id}
            approval={a}
            canDecide={isManager && a.state === 'pending'}
            ownRequest={a.requestedBy?.id === user.id}
            onDecide={(approve) => setDeciding({ approval: a, approve })}
          />
        ))}
      </div>
      {deciding && (
        <DecisionDialog
          approval={deciding.approval}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
          onDone={(next) => {
            setDeciding(null);
            onApplied(next);
          }}
        />
      )}
    </div>
  );
}

/** The below-floor lines and a reason: what the manager is asked to approve. */
function RequestForm({ detail, onApplied }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const below = detail.lines.filter((l) => l.belowFloor);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('contracts.requestApproval', {
      contractId: detail.id,
      reason: values.reason,
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.resetFields();
    void message.success(t('contracts.approvalRequested'));
    onApplied(r.value);
  };

  return (
    <Card
      size="small"
      className="gap-bottom con-request"
      title={t('contracts.approvalRequestTitle')}
    >
      <ul className="con-request__lines">
        {below.map((l) => (
          <li key={l.id}>
            {lineLabel(l)} × {l.quantity}：
            <span className="con-below mono">{formatFen(l.unitPriceFen)}</span>
            <span className="con-muted">
              {' '}
              {t('contracts.floorIs', { floor: formatFen(l.floorFen) })}
            </span>
          </li>
        ))}
      </ul>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('contracts.approvalReason')}
          rules={[
            { required: true, whitespace: true, message: t('contracts.approvalReasonRequired') },
            { max: 1000, message: t('val.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea
            rows={2}
            placeholder={t('contracts.approvalReasonPlaceholder')}
            data-testid="approval-reason"
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={saving}
          onClick={() => void submit()}
          data-testid="approval-request"
        >
          {t('contracts.approvalRequest')}
        </Button>
      </Form>
    </Card>
  );
}

function ApprovalCard(props: {
  approval: Approval;
  canDecide: boolean;
  ownRequest: boolean;
  onDecide: (approve: boolean) => void;
}) {
  const { approval: a, canDecide, ownRequest, onDecide } = props;
  const t = useT();
  const { lang } = useLang();
  const selfNote = ownRequest ? t('reason.approval.self') : undefined;
  return (
    <Card
      size="small"
      className="con-approval"
      data-testid={`approval-${a.id}`}
      title={
        <Space size={8}>
          <ApprovalStateTag value={a.state} />
          <span className="con-muted">
            {t('contracts.requestedBy', {
              name: a.requestedBy?.name ?? '—',
              at: formatDateTime(a.requestedAt, lang),
            })}
          </span>
        </Space>
      }
      extra={
        canDecide && (
          <Space>
            {ownRequest && <span className="con-muted">{selfNote}</span>}
            <Tooltip title={selfNote}>
              <Button
                type="primary"
                size="small"
                icon={<CheckOutlined />}
                disabled={ownRequest}
                onClick={() => onDecide(true)}
                data-testid="approval-approve"
              >
                {t('contracts.approve')}
              </Button>
            </Tooltip>
            <Tooltip title={selfNote}>
              <Button
                danger
                size="small"
                icon={<CloseOutlined />}
                disabled={ownRequest}
                onClick={() => onDecide(false)}
                data-testid="approval-reject"
              >
                {t('contracts.reject')}
              </Button>
            </Tooltip>
          </Space>
        )
      }
    >
      <div className="con-approval__row">
        <span className="con-approval__label">{t('contracts.approvalReason')}</span>
        <span className="pre-wrap">{a.reason}</span>
      </div>
      {a.decidedAt && (
        <div className="con-approval__row">
          <span className="con-approval__label">{t('contracts.decision')}</span>
          <span>
            <span className="con-muted">
              {t('contracts.decidedBy', {
                name: a.decidedBy?.name ?? '—',
                at: formatDateTime(a.decidedAt, lang),
              })}
            </span>
            {a.decisionNote && <div className="pre-wrap">{a.decisionNote}</div>}
          </span>
        </div>
      )}
      <Table
        size="small"
        className="gap-top"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={a.lines}
        columns={[
          { key: 'model', title: t('contracts.model'), dataIndex: 'model' },
          {
            key: 'quantity',
            title: t('contracts.quantity'),
            align: 'right',
            render: (_, l) => formatCount(l.quantity, lang),
          },
          {
            key: 'unitPrice',
            title: t('contracts.unitPrice'),
            align: 'right',
            render: (_, l) => <span className="mono con-below">{formatFen(l.unitPriceFen)}</span>,
          },
          {
            key: 'floor',
            title: t('contracts.floor'),
            align: 'right',
            render: (_, l) => <span className="mono">{formatFen(l.floorFen)}</span>,
          },
          {
            key: 'gap',
            title: t('contracts.belowBy'),
            align: 'right',
            render: (_, l) => (
              <span className="mono">{formatFen((l.floorFen - l.unitPriceFen) * l.quantity)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}

function DecisionDialog(props: {
  approval: Approval;
  approve: boolean;
  onClose: () => void;
  onDone: (detail: ContractDetail) => void;
}) {
  const { approval, approve, onClose, onDone } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('contracts.decideApproval', {
      approvalId: approval.id,
      approve,
      note: values.note,
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t(approve ? 'contracts.approved' : 'contracts.rejected'));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t(approve ? 'contracts.approveTitle' : 'contracts.rejectTitle')}
      okText={t(approve ? 'contracts.approve' : 'contracts.reject')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !approve, loading: saving, ...testId('approval-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="approval-dialog"
    >
      <p className="pre-wrap con-muted">{approval.reason}</p>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label={t('contracts.decisionNote')}
          rules={[
            { required: true, whitespace: true, message: t('contracts.decisionNoteRequired') },
            { max: 1000, message: t('val.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={3} autoFocus data-testid="approval-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
