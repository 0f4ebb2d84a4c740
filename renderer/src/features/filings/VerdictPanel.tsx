/** 政策资格: the overall verdict, then every rule of the policy with its facts in words. */
import { Card, Typography } from 'antd';
import { POLICY_RULES } from '../../../../shared/filing-enums';
import type { VerdictView } from '../../../../shared/schemas/filings';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { EligibleTag, PassMark } from './filing-tags';
import { ruleFactsText } from './verdict-text';

export function VerdictPanel({ verdict }: { verdict: VerdictView }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('filings.verdictTitle')}
      extra={<EligibleTag eligible={verdict.eligible} testId="filing-eligible" />}
      data-testid="filing-verdict"
    >
      <Typography.Paragraph type="secondary" className="fil-panel__hint">
        {t('filings.verdictHint')}
      </Typography.Paragraph>
      <ul className="fil-lines">
        {verdict.rules.map((r) => (
          <li
            key={r.rule}
            className={r.pass === null ? 'fil-line fil-line--na' : 'fil-line'}
            data-testid={`rule-${r.rule}`}
            data-pass={r.pass === null ? 'na' : r.pass ? 'pass' : 'fail'}
          >
            <PassMark pass={r.pass} />
            <div className="fil-line__body">
              <div className="fil-line__name">{label(POLICY_RULES, r.rule)}</div>
              <div className="fil-line__facts">{ruleFactsText(r, t, label, lang)}</div>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
