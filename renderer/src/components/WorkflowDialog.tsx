/**
 * The frame of a workflow dialog (release a claim, withdraw a filing, …): its form, the call on
 * OK, the refusal shown above the fields (the dialog stays open to correct them), the whole record
 * handed back when done.
 */
import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import { useT } from '../i18n/context';
import { testId } from '../lib/test-id';
import { ErrorAlert } from './ErrorAlert';
import './workflow-dialog.css';

export interface WorkflowDialogProps<V, D> {
  title: string;
  okText: string;
  /** The cancel button's words; 取消 unless given. */
  cancelText?: string;
  /** The dialog's test id; its cancel button is `<testId>-cancel`. */
  testId: string;
  submitTestId: string;
  form: FormInstance<V>;
  initialValues: V;
  run: (values: V) => Promise<Result<D>>;
  /** The success message. */
  done: string;
  danger?: boolean;
  intro?: ReactNode;
  onClose: () => void;
  onDone: (detail: D) => void;
  /** After a stale write: fetch the record again (the dialog's inputs stay as typed). */
  onReload?: () => Promise<void>;
  children: ReactNode;
}

export function WorkflowDialog<V extends object, D>(props: WorkflowDialogProps<V, D>) {
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
      cancelText={props.cancelText ?? t('common.cancel')}
      okButtonProps={{ danger: props.danger, loading: saving, ...testId(props.submitTestId) }}
      cancelButtonProps={testId(`${props.testId}-cancel`)}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid={props.testId}
    >
      {props.intro && <div className="workflow-dialog__intro">{props.intro}</div>}
      {error && (
        <ErrorAlert
          error={error}
          className="gap-bottom"
          onReload={props.onReload && (() => void props.onReload?.().then(() => setError(null)))}
        />
      )}
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
