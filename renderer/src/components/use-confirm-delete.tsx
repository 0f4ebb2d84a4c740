/**
 * Deleting a record from its card: a confirmation, the call, then a success message or the
 * server's reason for refusing (an account with subordinate units, a tender a contract refers to).
 */
import { App } from 'antd';
import { useState } from 'react';
import type { Result } from '../../../shared/result';
import { useT } from '../i18n/context';
import { testId } from '../lib/test-id';
import { ErrorBody } from './ErrorAlert';

export interface DeleteRequest {
  title: string;
  body: string;
  /** The message after it is done, and the title when it is refused. */
  done: string;
  refused: string;
  confirmTestId: string;
  run: () => Promise<Result<unknown>>;
  onDeleted: () => void;
}

export function useConfirmDelete(): { deleting: boolean; confirm: (r: DeleteRequest) => void } {
  const t = useT();
  const { modal, message } = App.useApp();
  const [deleting, setDeleting] = useState(false);
  const confirm = (r: DeleteRequest) =>
    void modal.confirm({
      title: r.title,
      content: r.body,
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId(r.confirmTestId) },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setDeleting(true);
        const result = await r.run();
        setDeleting(false);
        if (result.ok) {
          void message.success(r.done);
          r.onDeleted();
        } else {
          modal.error({
            title: r.refused,
            content: <ErrorBody error={result.error} />,
            okButtonProps: testId(`${r.confirmTestId}-refused-ok`),
          });
        }
      },
    });
  return { deleting, confirm };
}
