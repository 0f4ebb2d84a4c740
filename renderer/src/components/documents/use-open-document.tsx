/**
 * Hands a stored document to the user: a download in a browser, a save dialog in Electron. The
 * backend refuses a copy that no longer matches its hash, and says why.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import type { StoredDocument } from '../../../../shared/schemas/documents';
import { call } from '../../api/client';
import { downloadFile } from '../../api/download';
import { ErrorBody } from '../ErrorAlert';
import { useT } from '../../i18n/context';

export function useOpenDocument(): (doc: Pick<StoredDocument, 'id' | 'fileName'>) => Promise<void> {
  const t = useT();
  const { modal, message } = App.useApp();
  return useCallback(
    async (doc) => {
      const r = await call('documents.open', { id: doc.id });
      const delivered =
        r.ok && r.value.kind === 'download'
          ? await downloadFile(r.value.url, r.value.fileName || doc.fileName)
          : r;
      if (!delivered.ok) {
        modal.error({
          title: t('documents.openFailed'),
          content: <ErrorBody error={delivered.error} />,
        });
        return;
      }
      if (r.ok && r.value.kind === 'saved')
        void message.success(t('documents.savedTo', { path: r.value.path }));
    },
    [t, modal, message],
  );
}
