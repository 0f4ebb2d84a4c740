/**
 * One button that attaches a document of a fixed kind (a checklist item, the customer's statement
 * of wish): the upload shows as the button's progress, a refusal in a dialog.
 */
import { App } from 'antd';
import { useCallback, useEffect } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/filing-enums';
import type { StoredDocument } from '../../../../shared/schemas/documents';
import { useEnumLabel, useT } from '../../i18n/context';
import { ErrorBody } from '../ErrorAlert';
import { UploadTrigger } from './UploadTrigger';
import { useAttachDocument } from './use-attach-document';

export interface AttachButtonProps {
  entity: 'claim' | 'filing';
  entityId: number;
  kind: DocumentKind;
  onAttached: () => void;
  size?: 'small' | 'middle';
  testId?: string;
}

export function AttachButton(props: AttachButtonProps) {
  const { entity, entityId, kind, onAttached, size } = props;
  const t = useT();
  const label = useEnumLabel();
  const { modal, message } = App.useApp();
  const attached = useCallback(
    (doc: StoredDocument) => {
      void message.success(t('documents.attached', { name: doc.fileName }));
      onAttached();
    },
    [message, onAttached, t],
  );
  const attach = useAttachDocument(entity, entityId, attached);
  const { error, clearError } = attach;

  useEffect(() => {
    if (!error) return;
    modal.error({ title: t('documents.attachFailed'), content: <ErrorBody error={error} /> });
    clearError();
  }, [error, clearError, modal, t]);

  const progress = attach.progress;
  // While busy the button says so (tests wait for it to go away).
  const text = !progress
    ? t('documents.attachKind', { kind: label(DOCUMENT_KINDS, kind) })
    : progress.step === 'uploading' && progress.total > 0
      ? t('documents.busyPercent', {
          percent: Math.floor((progress.loaded / progress.total) * 100),
        })
      : t('documents.busy');
  return (
    <UploadTrigger
      attach={attach}
      kind={kind}
      size={size}
      testId={props.testId ?? `attach-${kind}`}
    >
      {text}
    </UploadTrigger>
  );
}
