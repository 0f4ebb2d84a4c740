/**
 * 导出报备报表: the filings submitted in a period, written into one of the report templates (the
 * manufacturer's own workbook when it has one). The export itself runs as a job with progress.
 */
import { Form, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { addDays, chinaDate } from '../../../../shared/dates';
import type { ReportTemplate } from '../../../../shared/schemas/reports';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { LANGS } from '../../i18n/lang';
import { testId } from '../../lib/test-id';

export interface ReportRequest {
  templateId: number;
  from: string;
  to: string;
  lang: Lang;
}

interface Values {
  templateId: number | null;
  from: string | null;
  to: string | null;
  lang: Lang;
}

/** The China month of today: its first and last day. */
function thisMonth(): { from: string; to: string } {
  const today = chinaDate();
  const from = `${today.slice(0, 8)}01`;
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export function ReportExportDialog(props: {
  onStart: (request: ReportRequest) => void;
  onClose: () => void;
}) {
  const { onStart, onClose } = props;
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [templates, setTemplates] = useState<ReportTemplate[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('reports.templates', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setTemplates(r.value);
      // The built-in template, or the first one, until the user picks another.
      if (form.getFieldValue('templateId') === null)
        form.setFieldValue(
          'templateId',
          (r.value.find((x) => x.builtIn) ?? r.value[0])?.id ?? null,
        );
    });
    return () => {
      live = false;
    };
  }, [form]);

  const start = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.templateId === null || !v.from || !v.to) return;
    onStart({ templateId: v.templateId, from: v.from, to: v.to, lang: v.lang });
  };

  return (
    <Modal
      open
      title={t('filings.reportTitle')}
      okText={t('export.start')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !templates, ...testId('report-export-start') }}
      onOk={() => void start()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      data-testid="report-export-dialog"
    >
      <Typography.Paragraph type="secondary">{t('filings.reportIntro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={{ templateId: null, ...thisMonth(), lang }}
      >
        <Form.Item
          name="templateId"
          label={t('filings.reportTemplate')}
          className="form-grid__wide"
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select<number>
            loading={!templates}
            options={(templates ?? []).map((x) => ({
              value: x.id,
              label: x.source ? `${x.name}（${x.source.fileName}）` : x.name,
            }))}
            data-testid="report-template"
          />
        </Form.Item>
        <Form.Item
          name="from"
          label={t('filings.reportFrom')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <DateInput testId="report-from" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('filings.reportTo')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('val.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | null) => {
                const from = getFieldValue('from') as string | null;
                return v && from && v < from
                  ? Promise.reject(new Error(t('reason.period.reversed')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DateInput testId="report-to" />
        </Form.Item>
        <Form.Item name="lang" label={t('filings.reportLang')} className="form-grid__wide">
          <Radio.Group
            optionType="button"
            options={LANGS.map((l) => ({ value: l.value, label: l.label }))}
            data-testid="report-lang"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
