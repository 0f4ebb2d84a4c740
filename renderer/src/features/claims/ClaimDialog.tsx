/**
 * The frame of every claim workflow dialog: its form, the call on OK, the refusal shown above the
 * fields (the dialog stays open to correct them), the whole claim handed back when done.
 */
import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { ApiError, Result } from '../../../../shared/result';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';

export interface ClaimDialogProps<V> {
  title: string;
  okText: string;
  /** The dialog's test id; its cancel button is `<testId>-cancel`. */
  testId: string;
  submitTestId: string;
  form: FormInstance<V>;
  initialValues: V;
  run: (values: V) => Promise<Result<ClaimDetail>>;
  /** The success message. */
  done: string;
  danger?: boolean;
  intro?: ReactNode;
  onClose: () => void;
  onDone: (detail: ClaimDetail) => void;
  children: ReactNode;
}

export function ClaimDialog<V extends object>(props: ClaimDialogProps<V>) {
  const { form, run, onClose, onDone } = props;
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    const r = await run(values);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(props.done);
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.danger, loading: saving, ...testId(props.submitTestId) }}
      cancelButtonProps={testId(`${props.testId}-cancel`)}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid={props.testId}
    >
      {props.intro && <div className="clm-dialog__intro">{props.intro}</div>}
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={props.initialValues}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
