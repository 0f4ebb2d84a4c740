/**
 * 更正公告: every amendment with what it changed (old → new) and who recorded it. Should a fact
 * have been changed outside the trail (before edits were guarded), the list says so above it
 * rather than let the last amendment contradict the tender.
 */
import { Alert, Empty, Timeline, Typography } from 'antd';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { trailMismatches } from '../../../../shared/tender-amendments';
import { useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { scheduleField, useScheduleValue } from './schedule-fields';

type Amendment = TenderDetail['amendments'][number];

export function AmendmentsList({
  amendments,
  current,
}: {
  amendments: readonly Amendment[];
  /** The tender as it stands, which the trail must end at. */
  current: TenderDetail;
}) {
  const t = useT();
  if (amendments.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('tenders.amend.none')}
        data-testid="tender-amendments-empty"
      />
    );
  return (
    <>
      <TrailMismatch amendments={amendments} current={current} />
      <Timeline
        className="tender-amendments"
        data-testid="tender-amendments"
        items={amendments.map((a) => ({
          key: a.id,
          content: <AmendmentItem amendment={a} />,
        }))}
      />
    </>
  );
}

function TrailMismatch({
  amendments,
  current,
}: {
  amendments: readonly Amendment[];
  current: TenderDetail;
}) {
  const t = useT();
  const valueOf = useScheduleValue();
  const mismatches = trailMismatches(current, amendments);
  if (mismatches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-bottom"
      title={t('tenders.amend.mismatch')}
      description={mismatches.map((m) => {
        const spec = scheduleField(m.field);
        return (
          <div key={m.field} data-testid={`tender-trail-mismatch-${m.field}`}>
            {t('tenders.amend.mismatchLine', {
              field: spec ? t(spec.label) : m.field,
              amended: valueOf(m.field, m.amendedTo) || t('tenders.blank'),
              current: valueOf(m.field, m.current) || t('tenders.blank'),
            })}
          </div>
        );
      })}
      data-testid="tender-trail-mismatch"
    />
  );
}

function AmendmentItem({ amendment: a }: { amendment: Amendment }) {
  const t = useT();
  const { lang } = useLang();
  const valueOf = useScheduleValue();
  return (
    <div data-testid={`tender-amendment-${a.id}`}>
      <div className="tender-amendment__head">
        <Typography.Text strong>{formatDate(a.publishedOn, lang)}</Typography.Text>
        <span className="tender-amendment__summary">{a.summary}</span>
      </div>
      {Object.entries(a.changes).map(([field, [before, after]]) => {
        const spec = scheduleField(field);
        const old = valueOf(field, before);
        const now = valueOf(field, after);
        return (
          <div key={field} className="diff-line" data-testid={`tender-amendment-change-${field}`}>
            <span className="diff-field">{spec ? t(spec.label) : field}</span>
            {old ? (
              <span className="diff-before">{old}</span>
            ) : (
              <span className="diff-blank">{t('tenders.blank')}</span>
            )}
            <span className="diff-arrow">→</span>
            {now ? (
              <span className="diff-after">{now}</span>
            ) : (
              <span className="diff-blank">{t('tenders.blank')}</span>
            )}
          </div>
        );
      })}
      <Typography.Text type="secondary" className="tender-amendment__by">
        {t('tenders.amend.recordedBy', {
          name: a.recordedBy?.name ?? t('tenders.unknownStaff'),
          at: formatDateTime(a.recordedAt, lang),
        })}
      </Typography.Text>
    </div>
  );
}
