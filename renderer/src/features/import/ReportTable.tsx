/**
 * The per-row report of a dry run or commit, paged by the server (a file can have 100,000 rows),
 * filtered by outcome. Reasons and warnings are worded by shared/import/reasons, the same words
 * the rejected-rows workbook uses.
 */
import { Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { describeReasons, fieldLabel } from '../../../../shared/import/reasons';
import type { ApiError } from '../../../../shared/result';
import {
  IMPORT_OUTCOMES,
  type ImportChange,
  type ImportOutcome,
  type ImportReportRow,
  type ImportSummary,
  type ImportTarget,
} from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useLang, useT } from '../../i18n/context';
import { type Lang, pickLabel } from '../../i18n/lang';
import { formatCount } from '../../lib/format';
import { TARGETS } from './import-targets';
import { OUTCOME_COLORS, OUTCOME_KEYS } from './outcomes';

const PAGE_SIZE = 50;

type Filter = ImportOutcome | 'all';

function Change({
  change,
  target,
  lang,
  t,
}: {
  change: ImportChange;
  target: ImportTarget;
  lang: Lang;
  t: Translate;
}) {
  const blank = <span className="diff-blank">{t('import.blank')}</span>;
  // Vocabulary fields carry their codes (government, decision …), shown by their labels.
  const shown = (value: string) => {
    const label = TARGETS[target].vocabularies[change.field]?.[value];
    return label ? pickLabel(label, lang) : value;
  };
  return (
    <div className="diff-line">
      <span className="diff-field">{fieldLabel(change.field, lang)}</span>
      {change.before ? <span className="diff-before">{shown(change.before)}</span> : blank}
      <span className="diff-arrow">→</span>
      {change.after ? <span className="diff-after">{shown(change.after)}</span> : blank}
    </div>
  );
}

function Details({ row, target }: { row: ImportReportRow; target: ImportTarget }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      {row.reasons.length > 0 && (
        <div className="import-reasons" data-testid="import-reasons">
          {describeReasons(row.reasons, lang)}
        </div>
      )}
      {row.warnings.length > 0 && (
        <div className="import-warnings" data-testid="import-warnings">
          {describeReasons(row.warnings, lang)}
        </div>
      )}
      {row.changes.map((c) => (
        <Change key={c.field} change={c} target={target} lang={lang} t={t} />
      ))}
      {row.notices.length > 0 && (
        <div className="import-notices" data-testid="import-notices">
          {describeReasons(row.notices, lang)}
        </div>
      )}
    </>
  );
}

export function ReportTable({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const { lang } = useLang();
  // Problems first: when rows are rejected, those are what the user has to look at.
  const [filter, setFilter] = useState<Filter>(summary.reject > 0 ? 'reject' : 'all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ key: string; rows: ImportReportRow[]; total: number } | null>(
    null,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify([summary.runId, filter, page]);

  useEffect(() => {
    let live = true;
    void call('imports.report', {
      runId: summary.runId,
      outcome: filter === 'all' ? undefined : filter,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setData({ key, rows: r.value.rows, total: r.value.total });
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [summary.runId, filter, page, key]);

  const count = (n: number) => formatCount(n, lang);

  return (
    <div className="import-report">
      <Segmented<Filter>
        value={filter}
        onChange={(value) => {
          setFilter(value);
          setPage(1);
        }}
        options={[
          { value: 'all', label: `${t('import.all')} ${count(summary.total)}` },
          ...IMPORT_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: `${t(OUTCOME_KEYS[outcome])} ${count(summary[outcome])}`,
            disabled: summary[outcome] === 0,
          })),
        ]}
        data-testid="import-report-filter"
      />
      {error && <ErrorAlert error={error} className="gap-top" />}
      <Table<ImportReportRow>
        size="small"
        rowKey="row"
        className="import-report__table"
        loading={data?.key !== key && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('import.reportEmpty') }}
        onRow={(r) => ({
          className: `import-report__row--${r.outcome}`,
          // Spread: TypeScript knows data-* attributes in JSX only.
          ...{ 'data-testid': 'import-report-row', 'data-row': r.row, 'data-outcome': r.outcome },
        })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          size: 'small',
          onChange: setPage,
        }}
        columns={[
          { key: 'row', title: t('import.reportRow'), width: 64, dataIndex: 'row' },
          {
            key: 'outcome',
            title: t('import.reportOutcome'),
            width: 80,
            render: (_, r) => (
              <Tag color={OUTCOME_COLORS[r.outcome]}>{t(OUTCOME_KEYS[r.outcome])}</Tag>
            ),
          },
          {
            key: 'subject',
            title: t(TARGETS[summary.target].subject),
            width: 260,
            render: (_, r) => (
              <>
                <div className="cell-name">{r.name ?? ''}</div>
                {r.uscc && (
                  <Typography.Text type="secondary" className="mono">
                    {/* A contact's row carries its account's USCC: say whose it is. */}
                    {summary.target === 'contacts'
                      ? t('import.reportAccountUscc', { uscc: r.uscc })
                      : r.uscc}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'details',
            title: t('import.reportDetails'),
            render: (_, r) => <Details row={r} target={summary.target} />,
          },
        ]}
      />
    </div>
  );
}
