/**
 * Picks the manufacturer's report template (.xlsx) and reads it: in a browser the file is uploaded
 * (a real file input, which tests fill with setInputFiles), in Electron the system dialog stages
 * it. The staged file and what the backend found in it go to `onInspected`.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { StagedFile } from '../../../../shared/schemas/imports';
import type { TemplateInspection } from '../../../../shared/schemas/reports';
import type { ApiError } from '../../../../shared/result';
import { call, hasBridge } from '../../api/client';
import { type Upload, uploadFile } from '../../api/upload';
import { ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

export function TemplateFileButton(props: {
  onInspected: (staged: StagedFile, inspection: TemplateInspection) => void;
  testId: string;
  primary?: boolean;
  children: ReactNode;
}) {
  const { onInspected, testId, primary, children } = props;
  const t = useT();
  const { modal } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const sending = useRef<Upload | null>(null);
  const [busy, setBusy] = useState(false);

  // Leaving the tab mid-upload stops sending.
  useEffect(() => () => sending.current?.abort(), []);

  const refused = (error: ApiError) => {
    setBusy(false);
    modal.error({ title: t('settings.templateReadFailed'), content: <ErrorBody error={error} /> });
  };

  const inspect = async (staged: StagedFile) => {
    const r = await call('reports.inspectTemplate', { fileId: staged.fileId });
    if (!r.ok) return refused(r.error);
    setBusy(false);
    onInspected(staged, r.value);
  };

  const send = (file: File) => {
    setBusy(true);
    const current = uploadFile(file, () => undefined);
    sending.current = current;
    void current.done.then((r) => {
      if (sending.current !== current) return;
      sending.current = null;
      if (!r.ok) return refused(r.error);
      if (r.value) void inspect(r.value);
      else setBusy(false);
    });
  };

  const choose = () => {
    setBusy(true);
    void call('imports.choose', {}).then((r) => {
      if (!r.ok) return refused(r.error);
      if (r.value) void inspect(r.value);
      else setBusy(false);
    });
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<UploadOutlined />}
        loading={busy}
        onClick={() => (hasBridge() ? choose() : input.current?.click())}
        data-testid={testId}
      >
        {children}
      </Button>
      {!hasBridge() && (
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that picking the same file again is a change too.
            e.target.value = '';
            if (file) send(file);
          }}
          data-testid={`${testId}-input`}
        />
      )}
    </>
  );
}
