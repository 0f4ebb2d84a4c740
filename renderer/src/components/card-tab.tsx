/**
 * A tab of a record card: its label (the words, then how many it holds in the small count face)
 * under the test id `<prefix><key>` the e2e specs pick it by.
 */
import type { ReactNode } from 'react';
import { useLang } from '../i18n/context';
import { formatCount } from '../lib/format';

export function TabLabel(props: { testId: string; text: string; count?: number | null }) {
  const { lang } = useLang();
  const { count = null } = props;
  return (
    <span data-testid={props.testId}>
      {props.text}
      {count !== null && <span className="tab-count">{formatCount(count, lang)}</span>}
    </span>
  );
}

/** Builds a card's tab items whose test ids share `testIdPrefix`; a `null` count shows none. */
export function cardTab(testIdPrefix: string) {
  return <K extends string>(key: K, text: string, count: number | null, children: ReactNode) => ({
    key,
    label: <TabLabel testId={`${testIdPrefix}${key}`} text={text} count={count} />,
    children,
  });
}
