/**
 * The control that picks a file to attach: in a browser an antd Upload (a real file input, which
 * tests fill with setInputFiles) whose file we send ourselves; in Electron a button that opens
 * the system file dialog.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import type { ReactNode } from 'react';
import type { DocumentKind } from '../../../../shared/filing-enums';
import { hasBridge } from '../../api/client';
import type { AttachDocument } from './use-attach-document';

export function UploadTrigger(props: {
  attach: AttachDocument;
  kind: DocumentKind;
  testId: string;
  size?: 'small' | 'middle';
  primary?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { attach, kind, testId, size, primary, disabled, children } = props;
  const button = (onClick?: () => void) => (
    <Button
      size={size}
      type={primary ? 'primary' : 'default'}
      icon={<PaperClipOutlined />}
      loading={attach.busy}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </Button>
  );
  if (hasBridge())
    return (
      <span className="doc-trigger" data-testid={testId}>
        {button(() => attach.choose(kind))}
      </span>
    );
  return (
    <span className="doc-trigger" data-testid={testId}>
      <Upload
        multiple={false}
        showUploadList={false}
        disabled={disabled || attach.busy}
        // The file goes to /api/upload by our own request (progress, abort), not antd's.
        beforeUpload={(file) => {
          attach.send(file, kind);
          return Upload.LIST_IGNORE;
        }}
      >
        {button()}
      </Upload>
    </span>
  );
}
