/**
 * A stale write (CONFLICT kind `stale`, electron/db/row-version.ts): who changed the record and
 * when, the user's edits kept in the form, and a Reload that fetches the record as it is now.
 * ErrorAlert shows this for every stale error, so each form only says how to reload.
 */
import { Alert, Button } from 'antd';
import type { ApiError } from '../../../shared/result';
import { detailsOf, errorKind } from '../api/error-details';
import { useLang, useT } from '../i18n/context';
import { formatDateTime } from '../lib/format';

export function isStale(error: ApiError | null | undefined): boolean {
  return error?.code === 'CONFLICT' && errorKind(error) === 'stale';
}

interface Props {
  error: ApiError;
  /** Refetch the record and put it in the form; without it the alert only explains. */
  onReload?: (() => void) | undefined;
  className?: string | undefined;
}

/** "张三 于 12月2日 14:05 修改了此记录…": who and when, from the error's details. */
export function useStaleTitle(): (error: ApiError) => string {
  const t = useT();
  const { lang } = useLang();
  return (error) => {
    const details = detailsOf(error);
    const by = typeof details.by === 'string' ? details.by : null;
    const at = formatDateTime(typeof details.at === 'string' ? details.at : null, lang);
    return by ? t('err.staleBy', { by, at }) : t('err.staleSomeone', { at });
  };
}

export function StaleAlert({ error, onReload, className }: Props) {
  const t = useT();
  const title = useStaleTitle();
  return (
    <Alert
      type="warning"
      showIcon
      className={className}
      title={title(error)}
      description={t('err.staleHint')}
      action={
        onReload && (
          <Button size="small" onClick={onReload} data-testid="stale-reload">
            {t('err.staleReload')}
          </Button>
        )
      }
      data-testid="stale-alert"
    />
  );
}
