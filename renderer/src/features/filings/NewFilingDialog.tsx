/**
 * 新建报备: a final contract and, if the sale is filed in part, the declared units. The draft is
 * judged at once; a contract already filed opens its existing filing instead.
 */
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ContractRow } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { fileContract } from './file-contract';
import { FinalContractSelect } from './FinalContractSelect';

interface Values {
  contractId: number | null;
  units: number | null;
}

export function NewFilingDialog(props: { onClose: () => void; onOpen: (id: number) => void }) {
  const { onClose, onOpen } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [contract, setContract] = useState<ContractRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.contractId === null) return;
    setSaving(true);
    const r = await fileContract(v.contractId, v.units ?? null);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void (r.value.existed
      ? message.info(t('filings.alreadyFiled', { number: r.value.number }))
      : message.success(t('filings.created', { number: r.value.number })));
    onOpen(r.value.id);
  };

  return (
    <Modal
      open
      title={t('filings.new')}
      okText={t('filings.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('new-filing-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      data-testid="new-filing-dialog"
    >
      <Typography.Paragraph type="secondary">{t('filings.newIntro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ contractId: null, units: null }}
      >
        <Form.Item
          name="contractId"
          label={t('filings.contract')}
          rules={[{ required: true, message: t('filings.contractRequired') }]}
        >
          <FinalContractSelect
            onChange={(_, row) => {
              setContract(row);
              setError(null);
            }}
            testId="new-filing-contract"
          />
        </Form.Item>
        <Form.Item
          name="units"
          label={t('filings.declaredUnits')}
          extra={
            contract
              ? t('filings.unitsDefault', { n: formatCount(contract.quantity, lang) })
              : t('filings.unitsHint')
          }
        >
          <InputNumber<number>
            min={1}
            max={100_000}
            precision={0}
            placeholder={contract ? String(contract.quantity) : undefined}
            className="fil-units-input"
            data-testid="new-filing-units"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
