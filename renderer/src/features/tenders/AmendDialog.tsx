/**
 * 更正公告: record an amendment notice. The schedule starts as it stands; only the fields the
 * user actually changes are sent, and the server keeps their old values with the amendment.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import type { TenderDetail, TenderSchedule } from '../../../../shared/schemas/tenders';
import { call } from '../../api/client';
import { DateInput, DateTimeInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { dateProblems, problemProps } from './date-problems';
import { SCHEDULE_FIELDS, type ScheduleField, useScheduleValue } from './schedule-fields';

type Values = TenderSchedule & { publishedOn: string | null; summary: string };

function scheduleOf(d: TenderDetail): TenderSchedule {
  return {
    budgetFen: d.budgetFen,
    intentionOn: d.intentionOn,
    announcedOn: d.announcedOn,
    docSaleStartOn: d.docSaleStartOn,
    docSaleEndOn: d.docSaleEndOn,
    bidDeadlineAt: d.bidDeadlineAt,
    openingAt: d.openingAt,
    openingPlace: d.openingPlace,
  };
}

const normalised = (v: unknown) =>
  typeof v === 'string' ? v.trim() || null : v === undefined ? null : v;

/** The fields whose value differs from the tender as it stands. */
function changesOf(current: TenderSchedule, values: Partial<Values>): Partial<TenderSchedule> {
  const changes: Record<string, unknown> = {};
  for (const { field } of SCHEDULE_FIELDS) {
    const next = normalised(values[field]);
    if (next !== normalised(current[field])) changes[field] = next;
  }
  // Each value came from the field of the same name, so it has that field's type.
  return changes as Partial<TenderSchedule>;
}

export function AmendDialog(props: {
  detail: TenderDetail;
  onClose: () => void;
  onDone: (saved: TenderDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const valueOf = useScheduleValue();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const current = scheduleOf(detail);
  const [initial] = useState<Values>(() => ({ ...current, publishedOn: chinaDate(), summary: '' }));
  // Before the form has mounted the watch is empty: read the initial values meanwhile.
  const watched = { ...initial, ...(Form.useWatch([], form) as Partial<Values> | undefined) };
  const changes = changesOf(current, watched);
  const next = { ...current, ...changes } as TenderSchedule;

  const problems = new Map(
    dateProblems(
      {
        ...next,
        bondPaidOn: detail.bondPaidOn,
        bondRefundedOn: detail.bondRefundedOn,
        awardedOn: detail.awardedOn,
        publicityEndOn: detail.publicityEndOn,
      },
      t,
    ),
  );
  if (watched.publishedOn && next.announcedOn && watched.publishedOn < next.announcedOn)
    problems.set('publishedOn', t('reason.tender.amendment_before_announcement'));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.publishedOn) return;
    const changed = changesOf(current, v);
    if (Object.keys(changed).length === 0) return setNothingChanged(true);
    if (problems.size > 0) return;
    setSaving(true);
    setError(null);
    const r = await call('tenders.amend', {
      id: detail.id,
      publishedOn: v.publishedOn,
      summary: v.summary,
      changes: changed,
      version: detail.version,
    });
    setSaving(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  /** Under a changed field: what it was before, so the user sees the amendment as a diff. */
  const was = (field: ScheduleField) =>
    field in changes ? (
      <span className="tender-was" data-testid={`amend-was-${field}`}>
        {t('tenders.amend.was', { value: valueOf(field, current[field]) || t('tenders.blank') })}
      </span>
    ) : undefined;

  const item = (field: ScheduleField, input: ReactNode, wide = false) => (
    <Form.Item
      name={field}
      label={t(SCHEDULE_FIELDS.find((f) => f.field === field)!.label)}
      extra={was(field)}
      className={wide ? 'form-grid__wide' : undefined}
      {...problemProps(problems, field)}
    >
      {input}
    </Form.Item>
  );

  return (
    <Modal
      open
      width={760}
      title={t('tenders.amend.title', { projectNo: detail.projectNo })}
      okText={t('tenders.amend.submit')}
      okButtonProps={{ loading: saving, ...testId('amend-submit') }}
      cancelText={t('common.cancel')}
      cancelButtonProps={testId('amend-cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="amend-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        className="form-grid"
        initialValues={initial}
        onValuesChange={() => setNothingChanged(false)}
      >
        <Form.Item
          name="publishedOn"
          label={t('tenders.amend.publishedOn')}
          rules={[{ required: true, message: t('val.required') }]}
          {...problemProps(problems, 'publishedOn')}
        >
          <DateInput testId="amend-publishedOn" />
        </Form.Item>
        <div />
        <Form.Item
          name="summary"
          label={t('tenders.amend.summary')}
          className="form-grid__wide"
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 1000, message: t('val.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('tenders.amend.summaryPlaceholder')}
            data-testid="amend-summary"
          />
        </Form.Item>
        <div className="form-grid__wide tender-form__hint">{t('tenders.amend.changeHint')}</div>
        {item('budgetFen', <MoneyInput defaultUnit="wan" testId="amend-budgetFen" />)}
        {item('intentionOn', <DateInput testId="amend-intentionOn" />)}
        {item('announcedOn', <DateInput testId="amend-announcedOn" />)}
        {item('docSaleStartOn', <DateInput testId="amend-docSaleStartOn" />)}
        {item('docSaleEndOn', <DateInput testId="amend-docSaleEndOn" />)}
        {item('bidDeadlineAt', <DateTimeInput testId="amend-bidDeadlineAt" />)}
        {item('openingAt', <DateTimeInput testId="amend-openingAt" />)}
        {item('openingPlace', <Input maxLength={200} data-testid="amend-openingPlace" />, true)}
      </Form>
      {nothingChanged && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          title={t('reason.tender.amendment_empty')}
          data-testid="amend-nothing"
        />
      )}
      {error && <ErrorAlert error={error} data-testid="amend-error" />}
    </Modal>
  );
}
