/** One pasted row's verdict in words: its problems (red), what the user accepted (amber), or OK. */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { RowIssue } from '../../../../shared/schemas/bulk-deliveries';
import { formatFen } from '../../../../shared/values/money';
import { type Translate, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { bulkZh } from './bulk-messages';

/** A verdict code in words with its parameters (amounts in fen shown as money). */
export function issueText(i: RowIssue, t: Translate): string {
  const key = `bulk.reason.${i.code}`;
  const vars = Object.fromEntries(
    Object.entries(i.params).map(([k, v]) => [
      k,
      k.endsWith('Fen') && typeof v === 'number' ? formatFen(v) : v,
    ]),
  );
  return key in bulkZh ? t(key as MessageKey, vars) : i.code;
}

export function BulkVerdict(props: { problems: RowIssue[]; warnings?: RowIssue[] }) {
  const { problems, warnings = [] } = props;
  const t = useT();
  if (problems.length > 0)
    return (
      <div className="bulk-verdict bulk-verdict--bad" data-testid="bulk-verdict" data-state="bad">
        {problems.map((p) => (
          <div key={p.code} data-code={p.code}>
            <ExclamationCircleFilled /> {issueText(p, t)}
          </div>
        ))}
      </div>
    );
  if (warnings.length > 0)
    return (
      <div className="bulk-verdict bulk-verdict--warn" data-testid="bulk-verdict" data-state="warn">
        {warnings.map((w) => (
          <div key={w.code} data-code={w.code}>
            <ExclamationCircleFilled /> {issueText(w, t)}
          </div>
        ))}
      </div>
    );
  return (
    <div className="bulk-verdict bulk-verdict--ok" data-testid="bulk-verdict" data-state="ok">
      <CheckCircleFilled /> {t('bulk.ok')}
    </div>
  );
}
