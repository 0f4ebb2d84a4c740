/** What a settings tab shows until its group has loaded: a spinner, or the error with a retry. */
import { Button, Result, Spin } from 'antd';
import type { ApiError } from '../../../../shared/result';
import { ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

export function SettingsLoading({
  error,
  reload,
  testId,
}: {
  error: ApiError | null;
  reload: () => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <div className="set-panel" data-testid={testId}>
      {error ? (
        <Result
          status="error"
          title={t('settings.loadFailed')}
          subTitle={<ErrorBody error={error} />}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      ) : (
        <div className="center-pad">
          <Spin />
        </div>
      )}
    </div>
  );
}
