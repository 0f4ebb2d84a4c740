/**
 * What stops a workflow step (a contract's 生效, a claim's 提交报备), one line a reason code, each
 * worded as the rule it comes from; `data-code` lets a test find a given reason.
 */
import { useT } from '../i18n/context';
import { reasonText } from '../lib/reason-text';

export function ReasonList(props: { codes: readonly string[]; className: string; testId: string }) {
  const t = useT();
  return (
    <ul className={props.className} data-testid={props.testId}>
      {props.codes.map((code) => (
        <li key={code} data-code={code}>
          {reasonText(code, t)}
        </li>
      ))}
    </ul>
  );
}
