/**
 * 记录活动: log or change an activity (a visit, a call, a mailing …) with its next step. Used by
 * the activities page, my day and the account card's activities tab.
 */
import { CheckCircleFilled, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ActivityInput, ActivityRow } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import {
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  type ActivityOutcome,
  type ActivityType,
  STAGES,
} from '../../../../shared/sales-enums';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { useSession } from '../../app/session';
import { AccountPicker } from '../../components/AccountPicker';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { canChangeActivity } from './activity-tags';
import { useAccountChoices } from './use-account-choices';
import './activities.css';

interface Values {
  type: ActivityType;
  accountId: number | null;
  opportunityId: number | null;
  contactId: number | null;
  occurredOn: string | null;
  outcome: ActivityOutcome | null;
  summary: string;
  nextStep: string;
  nextStepOn: string | null;
}

const FIELDS = new Set<string>([
  'type',
  'accountId',
  'opportunityId',
  'contactId',
  'occurredOn',
  'outcome',
  'summary',
  'nextStep',
  'nextStepOn',
]);

export interface ActivityFormProps {
  /** The activity to change; null logs a new one. */
  activity: ActivityRow | null;
  /** The account of a new activity (from its account card). */
  account?: { id: number; name: string } | null;
  /** The account cannot be changed (the form was opened from that account). */
  lockAccount?: boolean;
  /** The type of a new activity (a KPI card logs its own type). */
  initialType?: ActivityType;
  onClose: () => void;
  onSaved: (row: ActivityRow) => void;
  onDelete?: (row: ActivityRow) => void;
}

function toValues(a: ActivityRow | null, accountId: number | null, type: ActivityType): Values {
  return {
    type: a?.type ?? type,
    accountId: a?.accountId ?? accountId,
    opportunityId: a?.opportunityId ?? null,
    contactId: a?.contactId ?? null,
    occurredOn: a?.occurredOn ?? chinaDate(),
    outcome: a?.outcome ?? null,
    summary: a?.summary ?? '',
    nextStep: a?.nextStep ?? '',
    nextStepOn: a?.nextStepOn ?? null,
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function ActivityForm(props: ActivityFormProps) {
  const { activity, account = null, lockAccount = false, initialType = 'visit' } = props;
  const { onClose, onSaved, onDelete } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The version the form holds: the loaded activity's, or the fresh one after a Reload.
  const [version, setVersion] = useState(activity?.version ?? 1);
  // Undefined until the form is mounted; null once the account is cleared.
  const watchedAccount = Form.useWatch('accountId', form);
  const accountId =
    watchedAccount === undefined ? (activity?.accountId ?? account?.id ?? null) : watchedAccount;
  const choices = useAccountChoices(accountId);
  const readOnly = activity !== null && !canChangeActivity(user, activity);

  const initialAccount = activity
    ? { id: activity.accountId, name: activity.accountName }
    : (account ?? null);

  /** After a stale write: the activity as it is now, in the form. */
  const reload = async () => {
    if (!activity) return;
    const r = await call('activities.get', { id: activity.id });
    if (!r.ok) return setError(r.error);
    setVersion(r.value.version);
    form.resetFields();
    form.setFieldsValue(toValues(r.value, r.value.accountId, r.value.type));
    setError(null);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.accountId === null || v.occurredOn === null) return;
    const input: ActivityInput = {
      type: v.type,
      accountId: v.accountId,
      opportunityId: v.opportunityId ?? null,
      contactId: v.contactId ?? null,
      occurredOn: v.occurredOn,
      outcome: v.outcome ?? null,
      summary: blankToNull(v.summary),
      nextStep: blankToNull(v.nextStep),
      nextStepOn: blankToNull(v.nextStep) ? (v.nextStepOn ?? null) : null,
    };
    setBusy(true);
    setError(null);
    const r = activity
      ? await call('activities.update', { id: activity.id, activity: input, version })
      : await call('activities.create', input);
    setBusy(false);
    if (r.ok) {
      return onSaved(r.value);
    }
    // An update reports its fields under `activity.`.
    const issues = fieldIssues(r.error)
      .map((i) => ({ ...i, path: i.path.replace(/^activity\./, '') }))
      .filter((i) => FIELDS.has(i.path));
    if (issues.length > 0)
      form.setFields(
        issues.map((i) => ({ name: i.path as keyof Values, errors: [issueText(i, t)] })),
      );
    else setError(r.error);
  };

  // Options of the current choice stay shown while the account's lists load.
  const opportunityOptions = choices.opportunities.map((o) => ({
    value: o.id,
    title: o.title,
    label: (
      <span>
        {o.title}
        <span className="act-option-sub">{label(STAGES, o.stage)}</span>
      </span>
    ),
  }));
  if (
    activity?.opportunityId &&
    activity.accountId === accountId &&
    !choices.opportunities.some((o) => o.id === activity.opportunityId)
  )
    opportunityOptions.unshift({
      value: activity.opportunityId,
      title: activity.opportunityTitle ?? '',
      label: <span>{activity.opportunityTitle}</span>,
    });
  const contactOptions = choices.contacts.map((c) => ({
    value: c.id,
    title: c.name,
    label: (
      <span>
        {c.name}
        {c.title && <span className="act-option-sub">{c.title}</span>}
      </span>
    ),
  }));
  if (
    activity?.contactId &&
    activity.accountId === accountId &&
    !choices.contacts.some((c) => c.id === activity.contactId)
  )
    contactOptions.unshift({
      value: activity.contactId,
      title: activity.contactName ?? '',
      label: <span>{activity.contactName}</span>,
    });

  const noAccount = accountId === null;
  const max = (n: number) => [{ max: n, message: t('val.maxLength', { max: n }) }];

  const footer = (
    <div className="act-form__footer">
      {activity && onDelete && !readOnly && (
        <Popconfirm
          title={t('activities.deleteConfirm')}
          description={t('activities.deleteBody')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, ...testId('activity-delete-confirm') }}
          onConfirm={() => onDelete(activity)}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="activity-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      <span className="act-form__footer-spacer" />
      <Button onClick={onClose} data-testid="activity-cancel">
        {readOnly ? t('common.close') : t('common.cancel')}
      </Button>
      {!readOnly && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => void save()}
          data-testid="activity-save"
        >
          {t('common.save')}
        </Button>
      )}
    </div>
  );

  return (
    <Modal
      open
      title={
        activity ? (readOnly ? t('activities.view') : t('activities.edit')) : t('activities.new')
      }
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      width={720}
      // The test id goes on the dialog box itself (the modal root has no size of its own).
      modalRender={(node) => <div data-testid="activity-form">{node}</div>}
    >
      {activity && (
        <div className="act-form__meta">
          {t('activities.loggedBy', {
            name: activity.staffName ?? '—',
            at: formatDateTime(activity.createdAt, lang),
          })}
        </div>
      )}
      {readOnly && (
        <Alert type="info" showIcon title={t('activities.notAuthor')} className="gap-bottom" />
      )}
      {error && <ErrorAlert error={error} className="gap-bottom" onReload={() => void reload()} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(activity, account?.id ?? null, initialType)}
        className="form-grid"
        disabled={readOnly}
        onValuesChange={(changed: Partial<Values>) => {
          // Another account's opportunities and contacts are not this one's.
          if ('accountId' in changed) form.setFieldsValue({ opportunityId: null, contactId: null });
        }}
      >
        <Form.Item
          name="type"
          label={t('activity.type')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select options={options(ACTIVITY_TYPES)} data-testid="act-type" />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('activity.occurredOn')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <DateInput testId="act-occurredOn" />
        </Form.Item>
        <Form.Item
          name="accountId"
          label={t('activity.account')}
          className="form-grid__wide"
          rules={[{ required: true, message: t('val.required') }]}
        >
          <AccountPicker
            initial={initialAccount}
            allowClear={!lockAccount}
            disabled={lockAccount || readOnly}
            testId="act-accountId"
          />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('activity.opportunity')}>
          <Select<number | null>
            allowClear
            showSearch={{ optionFilterProp: 'title' }}
            optionLabelProp="title"
            loading={choices.loading}
            disabled={noAccount || readOnly}
            placeholder={noAccount ? t('activity.pickAccountFirst') : t('common.choose')}
            notFoundContent={t('activity.noOpportunity')}
            options={opportunityOptions}
            data-testid="act-opportunityId"
          />
        </Form.Item>
        <Form.Item name="contactId" label={t('activity.contact')}>
          <Select<number | null>
            allowClear
            showSearch={{ optionFilterProp: 'title' }}
            optionLabelProp="title"
            loading={choices.loading}
            disabled={noAccount || readOnly}
            placeholder={noAccount ? t('activity.pickAccountFirst') : t('common.choose')}
            notFoundContent={t('activity.noContact')}
            options={contactOptions}
            data-testid="act-contactId"
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('activity.outcome')}>
          <Select
            allowClear
            placeholder={t('common.choose')}
            options={options(ACTIVITY_OUTCOMES)}
            data-testid="act-outcome"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('activity.summary')}
          className="form-grid__wide"
          rules={max(2000)}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('activity.summaryPlaceholder')}
            data-testid="act-summary"
          />
        </Form.Item>

        <Divider titlePlacement="start" className="form-section form-grid__wide">
          {t('activity.sectionNext')}
        </Divider>
        {activity?.nextStepDoneAt && (
          <div className="act-form__next-status form-grid__wide">
            <CheckCircleFilled style={{ color: '#52c41a' }} />
            {t('activity.nextDoneAt', { at: formatDateTime(activity.nextStepDoneAt, lang) })}
          </div>
        )}
        <Form.Item
          name="nextStep"
          label={t('activity.nextStep')}
          dependencies={['nextStepOn']}
          rules={[
            ...max(500),
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                getFieldValue('nextStepOn') && !value?.trim()
                  ? Promise.reject(new Error(t('activity.nextStepMissing')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input placeholder={t('activity.nextStepPlaceholder')} data-testid="act-nextStep" />
        </Form.Item>
        <Form.Item
          name="nextStepOn"
          label={t('activity.nextStepOn')}
          dependencies={['nextStep', 'occurredOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | null | undefined) => {
                const step = (getFieldValue('nextStep') as string | undefined)?.trim();
                const on = getFieldValue('occurredOn') as string | null;
                if (step && !value)
                  return Promise.reject(new Error(t('activity.nextStepOnMissing')));
                if (value && on && value < on)
                  return Promise.reject(new Error(t('activity.nextBeforeActivity')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DateInput testId="act-nextStepOn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
