/**
 * The card's actions: 提交报备 once nothing blocks it, 经理特批 of failed checks, 撤回 a submitted
 * filing with a reason, 删除草稿.
 */
import { RollbackOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { FILING_CHECKS } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { WorkflowDialog } from '../../components/WorkflowDialog';
import { DeleteButton } from '../../components/DeleteButton';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { useRun } from '../../lib/use-run';
import { blockerChecks, canChangeFiling, isManagerRole } from './filing-rules';
import { OverrideDialog } from './OverrideDialog';

interface Props {
  detail: FilingDetail;
  onApplied: (detail: FilingDetail) => void;
  onDeleted: () => void;
}

export function FilingActions({ detail, onApplied, onDeleted }: Props) {
  const t = useT();
  const label = useEnumLabel();
  const { modal } = App.useApp();
  const { user } = useSession();
  const run = useRun();
  const [submitting, setSubmitting] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const draft = detail.status === 'draft';
  const canChange = canChangeFiling(user, detail);
  const blockers = blockerChecks(detail);
  const blocked = detail.submitBlockers.length > 0;

  const submit = () =>
    modal.confirm({
      title: t('filings.submitTitle', { number: detail.number }),
      content: t('filings.submitBody'),
      okText: t('filings.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: testId('submit-confirm'),
      onOk: async () => {
        setSubmitting(true);
        await run(
          call('filings.submit', { id: detail.id }),
          onApplied,
          t('filings.submitted', { number: detail.number }),
        );
        setSubmitting(false);
      },
    });

  return (
    <Space>
      {draft && isManagerRole(user) && (
        <Tooltip title={blocked ? undefined : t('filings.overrideNothing')}>
          <Button
            icon={<SafetyCertificateOutlined />}
            disabled={!blocked}
            onClick={() => setOverriding(true)}
            data-testid="filing-override"
          >
            {t('filings.override')}
          </Button>
        </Tooltip>
      )}
      {draft && canChange && (
        <DeleteButton
          testId="filing-delete"
          label={t('filings.deleteDraft')}
          request={{
            title: t('filings.deleteTitle', { number: detail.number }),
            body: t('filings.deleteBody'),
            done: t('filings.deleted', { number: detail.number }),
            refused: t('common.refused'),
            confirmTestId: 'filing-delete-confirm',
            run: () => call('filings.delete', { id: detail.id }),
            onDeleted,
          }}
        />
      )}
      {/* Shown to everyone, so whoever looks sees whether and why it cannot be submitted yet. */}
      {draft && (
        <Tooltip
          title={
            blocked
              ? t('filings.blockedBy', {
                  checks: blockers.map((c) => label(FILING_CHECKS, c)).join(t('err.listSep')),
                })
              : !canChange
                ? t('reason.filing.not_yours')
                : undefined
          }
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={blocked || !canChange}
            loading={submitting}
            onClick={submit}
            data-testid="filing-submit"
          >
            {t('filings.submit')}
          </Button>
        </Tooltip>
      )}
      {detail.status === 'submitted' && canChange && (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setWithdrawing(true)}
          data-testid="filing-withdraw"
        >
          {t('filings.withdraw')}
        </Button>
      )}
      {overriding && (
        <OverrideDialog
          detail={detail}
          onClose={() => setOverriding(false)}
          onDone={(next) => {
            setOverriding(false);
            onApplied(next);
          }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          detail={detail}
          onClose={() => setWithdrawing(false)}
          onDone={(next) => {
            setWithdrawing(false);
            onApplied(next);
          }}
        />
      )}
    </Space>
  );
}

function WithdrawDialog(props: {
  detail: FilingDetail;
  onClose: () => void;
  onDone: (detail: FilingDetail) => void;
}) {
  const { detail } = props;
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <WorkflowDialog
      title={t('filings.withdrawTitle', { number: detail.number })}
      okText={t('filings.withdraw')}
      cancelText={t('common.close')}
      danger
      testId="withdraw-dialog"
      submitTestId="withdraw-submit"
      form={form}
      initialValues={{ reason: '' }}
      run={(values) => call('filings.withdraw', { id: detail.id, reason: values.reason.trim() })}
      done={t('filings.withdrawn', { number: detail.number })}
      intro={<p>{t('filings.withdrawBody')}</p>}
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <Form.Item
        name="reason"
        label={t('filings.withdrawReason')}
        rules={[
          { required: true, whitespace: true, message: t('val.required') },
          { max: 2000, message: t('val.maxLength', { max: 2000 }) },
        ]}
      >
        <Input.TextArea rows={3} autoFocus data-testid="withdraw-reason" />
      </Form.Item>
    </WorkflowDialog>
  );
}
