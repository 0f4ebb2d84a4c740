/** Runs a workflow call from a button: success shows a short message, a refusal says why. */
import { App } from 'antd';
import { useCallback } from 'react';
import type { Result } from '../../../shared/result';
import { ErrorBody } from '../components/ErrorAlert';
import { useT } from '../i18n/context';

export function useRun() {
  const t = useT();
  const { modal, message } = App.useApp();
  return useCallback(
    async <T,>(
      pending: Promise<Result<T>>,
      then: (value: T) => void,
      success?: string,
    ): Promise<boolean> => {
      const r = await pending;
      if (r.ok) {
        then(r.value);
        if (success) void message.success(success);
        return true;
      }
      modal.error({ title: t('common.refused'), content: <ErrorBody error={r.error} /> });
      return false;
    },
    [t, modal, message],
  );
}
