/** An ApiError shown to the user: translated text, with diagnostics folded away when there are any. */
import { Alert, type AlertProps, Collapse } from 'antd';
import type { ApiError } from '../../../shared/result';
import { errorDetail, errorText } from '../api/errors';
import { useT } from '../i18n/context';
import { isStale, StaleAlert, useStaleTitle } from './StaleAlert';

/** The collapsed "详情 / Details" part; nothing for errors without diagnostics. */
export function ErrorDetails({ error }: { error: ApiError }) {
  const t = useT();
  const detail = errorDetail(error);
  if (!detail) return null;
  return (
    <Collapse
      ghost
      size="small"
      className="error-details"
      items={[
        {
          key: 'details',
          label: t('err.details'),
          children: <pre className="error-details__text">{detail}</pre>,
        },
      ]}
    />
  );
}

/** Text and details for places that take content rather than an alert (modal.error, Result). */
export function ErrorBody({ error }: { error: ApiError }) {
  const t = useT();
  const staleTitle = useStaleTitle();
  return (
    <>
      <div>{isStale(error) ? staleTitle(error) : errorText(error, t)}</div>
      <ErrorDetails error={error} />
    </>
  );
}

type Props = { error: ApiError } & Pick<AlertProps, 'type' | 'action' | 'className'> & {
    'data-testid'?: string;
    /** How to fetch the record again after a stale write (who/when and a Reload button). */
    onReload?: (() => void) | undefined;
  };

export function ErrorAlert({ error, type = 'error', onReload, ...rest }: Props) {
  const t = useT();
  if (isStale(error))
    return <StaleAlert error={error} onReload={onReload} className={rest.className} />;
  const hasDetail = errorDetail(error) !== null;
  return (
    <Alert
      type={type}
      showIcon
      title={errorText(error, t)}
      description={hasDetail ? <ErrorDetails error={error} /> : undefined}
      {...rest}
    />
  );
}
