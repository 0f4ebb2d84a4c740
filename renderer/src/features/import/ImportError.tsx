/**
 * An import error. A file problem the UI does not know (a kind added to the backend later, or a
 * failure without one) would otherwise read only "输入有误"; the server's own message is then
 * shown under it, since it is the only thing that says what is wrong with the file.
 */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/result';
import { errorDetail, errorText, hasSpecificText } from '../../api/errors';
import { ErrorDetails } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

export function ImportError({
  error,
  action,
  'data-testid': testId = 'import-error',
}: {
  error: ApiError;
  action?: ReactNode;
  'data-testid'?: string;
}) {
  const t = useT();
  const serverMessage =
    !hasSpecificText(error, t) && errorDetail(error) === null && error.message
      ? error.message
      : null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      description={
        serverMessage ? (
          <span className="import-server-message">{serverMessage}</span>
        ) : errorDetail(error) ? (
          <ErrorDetails error={error} />
        ) : undefined
      }
      action={action}
      data-testid={testId}
    />
  );
}
