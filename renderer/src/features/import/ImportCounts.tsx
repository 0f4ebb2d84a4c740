/** The counts of a dry run or commit: rows, and how many would be (or were) new, updated, unchanged, rejected. */
import { Statistic, Typography } from 'antd';
import { IMPORT_OUTCOMES, type ImportSummary } from '../../../../shared/schemas/imports';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { OUTCOME_KEYS, OUTCOME_TEXT_COLORS } from './outcomes';

export function ImportCounts({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const { lang } = useLang();
  const format = (value: number | string) => formatCount(Number(value), lang);
  return (
    <div
      className="import-counts"
      data-testid="import-summary"
      data-total={summary.total}
      data-create={summary.create}
      data-update={summary.update}
      data-unchanged={summary.unchanged}
      data-reject={summary.reject}
      data-committed={String(summary.committed)}
    >
      <Statistic title={t('import.total')} value={summary.total} formatter={format} />
      {IMPORT_OUTCOMES.map((outcome) => (
        <Statistic
          key={outcome}
          title={t(OUTCOME_KEYS[outcome])}
          value={summary[outcome]}
          formatter={format}
          styles={{
            content: { color: summary[outcome] > 0 ? OUTCOME_TEXT_COLORS[outcome] : undefined },
          }}
          data-testid={`import-count-${outcome}`}
        />
      ))}
      {summary.warned > 0 && (
        <Typography.Text type="warning" className="import-counts__warned">
          {t('import.warned', { n: formatCount(summary.warned, lang) })}
        </Typography.Text>
      )}
    </div>
  );
}
