/**
 * The drawer every record card opens in (account, opportunity, contract, filing, claim, tender):
 * the header while the record loads, the not-found / load-failed page with its retry, the spinner,
 * then the card's own title, actions and body once the record is there. One place, so the six
 * cards wait, fail and retry alike.
 */
import { Button, Drawer, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { useT } from '../i18n/context';
import type { MessageKey } from '../i18n/messages-zh';
import { ErrorBody } from './ErrorAlert';

/** The width of a card; a wider one (the tender's tables) gives its own. */
const CARD_SIZE = 'min(1100px, calc(100vw - 120px))';

interface Props<T> {
  /** A record is chosen (its id is not null). */
  open: boolean;
  onClose: () => void;
  /** The card's record as its `useRecord` hook gives it; `loading` makes the header say so. */
  record: { detail: T | null; error: ApiError | null; loading: boolean; reload: () => void };
  /** The card's name (header before the record is there), and its two failures. */
  words: { card: MessageKey; notFound: MessageKey; loadFailed: MessageKey };
  testId: string;
  retryTestId?: string | undefined;
  size?: string | undefined;
  bodyClassName?: string | undefined;
  title: (detail: T) => ReactNode;
  extra?: ((detail: T) => ReactNode) | undefined;
  /** The card's body, once the record is there. */
  children: (detail: T) => ReactNode;
  /** Shown after the body in every state (the card's dialogs). */
  after?: ReactNode;
}

export function RecordDrawer<T>(props: Props<T>) {
  const { record, words, extra, children } = props;
  const { detail, error } = record;
  const t = useT();
  const notFound = error?.code === 'NOT_FOUND';
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={props.size ?? CARD_SIZE}
      destroyOnHidden
      title={detail ? props.title(detail) : record.loading ? t('common.loading') : t(words.card)}
      extra={detail && extra?.(detail)}
      classNames={{ body: props.bodyClassName ?? 'account-card__body' }}
      data-testid={props.testId}
    >
      {error && !detail ? (
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t(words.notFound) : t(words.loadFailed)}
          subTitle={notFound ? undefined : <ErrorBody error={error} />}
          extra={
            <Button onClick={record.reload} data-testid={props.retryTestId}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : !detail ? (
        <div className="center-pad">
          <Spin />
        </div>
      ) : (
        children(detail)
      )}
      {props.after}
    </Drawer>
  );
}
