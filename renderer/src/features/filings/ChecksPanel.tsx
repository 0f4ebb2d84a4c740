/**
 * 一致性检查: every check with its problems in words. A check that does not apply to this sale is
 * greyed, and its findings are left out: they decide nothing.
 */
import { Card, Tag } from 'antd';
import { FILING_CHECKS } from '../../../../shared/filing-enums';
import type { CheckResult, FilingDetail } from '../../../../shared/schemas/filings';
import { useEnumLabel, useT } from '../../i18n/context';
import { PassMark } from './filing-tags';
import { problemText } from './problem-text';

/** More problems than this are summarised: a 40-vehicle sale lists its first ones. */
const SHOWN_PROBLEMS = 8;

function CheckRow({ check, covered }: { check: CheckResult; covered: boolean }) {
  const t = useT();
  const label = useEnumLabel();
  const problems = check.pass === false ? check.problems : [];
  const rest = problems.length - SHOWN_PROBLEMS;
  return (
    <li
      className={check.pass === null ? 'fil-line fil-line--na' : 'fil-line'}
      data-testid={`check-${check.check}`}
      data-pass={check.pass === null ? 'na' : check.pass ? 'pass' : 'fail'}
    >
      <PassMark pass={check.pass} />
      <div className="fil-line__body">
        <div className="fil-line__name">
          {label(FILING_CHECKS, check.check)}
          {covered && (
            <Tag color="orange" className="cell-tag fil-line__tag">
              {t('filings.overriddenTag')}
            </Tag>
          )}
        </div>
        {problems.length > 0 && (
          <ul className="fil-problems">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i} data-code={p.code} data-subject={p.subject ?? ''}>
                {problemText(check.check, p, t, label)}
              </li>
            ))}
            {rest > 0 && (
              <li className="fil-problems__more">{t('filings.moreProblems', { n: rest })}</li>
            )}
          </ul>
        )}
      </div>
    </li>
  );
}

export function ChecksPanel({ detail }: { detail: FilingDetail }) {
  const t = useT();
  const failed = detail.checks.filter((c) => c.pass === false).length;
  const covered = new Set(detail.override?.checks ?? []);
  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('filings.checksTitle')}
      extra={
        failed > 0 ? (
          <Tag color="red" className="cell-tag">
            {t('filings.checksFailed', { n: failed })}
          </Tag>
        ) : (
          <Tag color="green" className="cell-tag">
            {t('filings.checksPassed')}
          </Tag>
        )
      }
      data-testid="filing-checks"
    >
      <ul className="fil-lines">
        {detail.checks.map((c) => (
          <CheckRow key={c.check} check={c} covered={c.pass === false && covered.has(c.check)} />
        ))}
      </ul>
    </Card>
  );
}
