/**
 * The shared date-order rules (tenderDateProblems) as words under the fields they concern, so a
 * form says what is wrong while the user types; the server checks the same rules again.
 */
import type { Form } from 'antd';
import type { ComponentProps } from 'react';
import { type TenderDates, tenderDateProblems } from '../../../../shared/tender-rules';
import { issueText } from '../../api/errors';
import type { Translate } from '../../i18n/context';

export type DateProblems = ReadonlyMap<string, string>;

/** Field → what is wrong with it (the later date of each pair carries the message). */
export function dateProblems(dates: TenderDates, t: Translate): DateProblems {
  const out = new Map<string, string>();
  for (const issue of tenderDateProblems(dates))
    if (!out.has(issue.path)) out.set(issue.path, issueText(issue, t));
  return out;
}

type ItemProps = ComponentProps<typeof Form.Item>;

/** Props for a date field's Form.Item: its problem shown as an error under it. */
export function problemProps(
  problems: DateProblems,
  field: string,
): Pick<ItemProps, 'validateStatus' | 'help'> {
  const text = problems.get(field);
  return text ? { validateStatus: 'error', help: text } : {};
}
