/** The workflow dialogs of a claim: authorisation request and answer, reply, wish, release. */
import { Form, Input, Radio } from 'antd';
import { chinaDate } from '../../../../shared/dates';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import { call } from '../../api/client';
import { AttachButton } from '../../components/documents/AttachButton';
import { DateInput } from '../../components/DateInputs';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { WorkflowDialog } from '../../components/WorkflowDialog';
import { territoryLabel } from './territory';

interface DialogProps {
  detail: ClaimDetail;
  onClose: () => void;
  onDone: (detail: ClaimDetail) => void;
}

const blankToNull = (s: string) => s.trim() || null;

function useRules() {
  const t = useT();
  const required = { required: true, whitespace: true, message: t('val.required') };
  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  return { required, max };
}

export function AuthRequestDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const { required, max } = useRules();
  const [form] = Form.useForm<{ addressee: string; note: string }>();
  return (
    <WorkflowDialog
      title={t('claims.authRequestTitle')}
      okText={t('claims.authRequestSubmit')}
      testId="auth-request-dialog"
      submitTestId="auth-request-submit"
      form={form}
      initialValues={{ addressee: detail.authorisation.addressee ?? '', note: '' }}
      intro={t('claims.authRequestIntro', {
        territory:
          territoryLabel(detail.territoryCode, detail.territoryName) || t('claims.territoryNone'),
      })}
      run={(v) =>
        call('claims.requestAuthorisation', {
          id: detail.id,
          addressee: v.addressee.trim(),
          note: v.note.trim(),
        })
      }
      done={t('claims.authRequestDone')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="addressee"
        label={t('claims.authAddressee')}
        extra={t('claims.authAddresseeHint')}
        rules={[required, max(200)]}
      >
        <Input autoFocus data-testid="auth-addressee" />
      </Form.Item>
      <Form.Item name="note" label={t('claims.authNote')} rules={[required, max(2000)]}>
        <Input.TextArea rows={3} data-testid="auth-note" />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function AuthAnswerDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const { lang } = useLang();
  const { required, max } = useRules();
  const [form] = Form.useForm<{ granted: boolean; reference: string; note: string }>();
  const a = detail.authorisation;
  return (
    <WorkflowDialog
      title={t('claims.authAnswerTitle')}
      okText={t('claims.authAnswerSubmit')}
      testId="auth-answer-dialog"
      submitTestId="auth-answer-submit"
      form={form}
      initialValues={{ granted: true, reference: '', note: '' }}
      intro={
        a.requestedAt &&
        t('claims.authAnswerIntro', {
          addressee: a.addressee ?? '',
          time: formatDateTime(a.requestedAt, lang),
          note: a.requestNote ?? '',
        })
      }
      run={(v) =>
        call('claims.answerAuthorisation', {
          id: detail.id,
          granted: v.granted,
          reference: blankToNull(v.reference),
          note: v.note.trim(),
        })
      }
      done={t('claims.authAnswerDone')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="granted" label={t('claims.authOutcome')}>
        <Radio.Group>
          <Radio value={true} data-testid="auth-granted">
            {t('claims.authGranted')}
          </Radio>
          <Radio value={false} data-testid="auth-refused">
            {t('claims.authRefused')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reference" label={t('claims.authRef')} rules={[max(100)]}>
        <Input className="mono" data-testid="auth-reference" />
      </Form.Item>
      <Form.Item name="note" label={t('claims.authAnswerNote')} rules={[required, max(2000)]}>
        <Input.TextArea rows={3} data-testid="auth-answer-note" />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function ReplyDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const { required, max } = useRules();
  const [form] = Form.useForm<{
    outcome: 'approved' | 'rejected';
    oemReference: string;
    reply: string;
    repliedOn: string | null;
  }>();
  const filedOn = detail.filedAt ? chinaDate(detail.filedAt) : null;
  return (
    <WorkflowDialog
      title={t('claims.replyTitle')}
      okText={t('claims.replySubmit')}
      testId="reply-dialog"
      submitTestId="reply-submit"
      form={form}
      initialValues={{
        outcome: 'approved',
        oemReference: detail.oemReference ?? '',
        reply: '',
        repliedOn: chinaDate(),
      }}
      run={(v) =>
        call('claims.recordReply', {
          id: detail.id,
          outcome: v.outcome,
          oemReference: blankToNull(v.oemReference),
          reply: v.reply.trim(),
          repliedOn: v.repliedOn ?? chinaDate(),
        })
      }
      done={t('claims.replyDone')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="outcome" label={t('claims.replyOutcome')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio value="approved" data-testid="reply-approved">
            {t('claims.replyApproved')}
          </Radio>
          <Radio value="rejected" data-testid="reply-rejected">
            {t('claims.replyRejected')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="oemReference" label={t('claims.replyRef')} rules={[max(100)]}>
          <Input className="mono" data-testid="reply-reference" />
        </Form.Item>
        <Form.Item
          name="repliedOn"
          label={t('claims.replyDate')}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: string | null) =>
                v && filedOn && v < filedOn
                  ? Promise.reject(new Error(t('reason.claim.reply_before_filing')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DateInput testId="reply-date" />
        </Form.Item>
      </div>
      <Form.Item name="reply" label={t('claims.replyText')} rules={[required, max(2000)]}>
        <Input.TextArea rows={3} data-testid="reply-text" />
      </Form.Item>
    </WorkflowDialog>
  );
}

export function WishDialog(props: DialogProps & { onAttached: () => void }) {
  const { detail, onClose, onDone, onAttached } = props;
  const t = useT();
  const { lang } = useLang();
  const { required, max } = useRules();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <WorkflowDialog
      title={t('claims.wishTitle')}
      okText={t('claims.wishSubmit')}
      testId="wish-dialog"
      submitTestId="wish-submit"
      form={form}
      initialValues={{ note: '' }}
      intro={
        <>
          <p>{t('claims.wishIntro')}</p>
          {detail.wish && (
            <p className="clm-muted">
              {t('claims.wishReplaces', {
                time: formatDateTime(detail.wish.recordedAt, lang),
                note: detail.wish.note,
              })}
            </p>
          )}
        </>
      }
      run={(v) => call('claims.recordWish', { id: detail.id, note: v.note.trim() })}
      done={t('claims.wishDone')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="note" label={t('claims.wishNote')} rules={[required, max(2000)]}>
        <Input.TextArea rows={3} autoFocus data-testid="wish-note" />
      </Form.Item>
      <AttachButton
        entity="claim"
        entityId={detail.id}
        kind="customer_wish"
        size="small"
        onAttached={onAttached}
        testId="wish-attach"
      />
    </WorkflowDialog>
  );
}

export function ReleaseDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const { required, max } = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <WorkflowDialog
      title={t('claims.releaseTitle')}
      okText={t('claims.releaseSubmit')}
      testId="release-dialog"
      submitTestId="release-submit"
      danger
      form={form}
      initialValues={{ reason: '' }}
      intro={t('claims.releaseBody')}
      run={(v) => call('claims.release', { id: detail.id, reason: v.reason.trim() })}
      done={t('claims.releaseDone')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label={t('claims.releaseReason')} rules={[required, max(2000)]}>
        <Input.TextArea rows={3} autoFocus data-testid="release-reason" />
      </Form.Item>
    </WorkflowDialog>
  );
}
