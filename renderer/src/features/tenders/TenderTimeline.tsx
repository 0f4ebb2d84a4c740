/** The dated steps of a tender, past ones done and the next one marked, on the tender card. */
import { Steps } from 'antd';
import type { ReactNode } from 'react';
import { TENDER_STATUSES } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate, formatDateTime } from '../../lib/format';
import { daysUntil, type StepKey, type TimelineStep, timelineSteps } from './timeline-steps';
import { useNow } from './use-now';

const TITLES: Record<StepKey, MessageKey> = {
  intention: 'tenders.tl.intention',
  announced: 'tenders.tl.announced',
  docSale: 'tenders.tl.docSale',
  deadline: 'tenders.tl.deadline',
  opening: 'tenders.tl.opening',
  publicity: 'tenders.tl.publicity',
  award: 'tenders.tl.award',
};

const STATUS = { done: 'finish', next: 'process', stopped: 'error', later: 'wait' } as const;

export function TenderTimeline({ detail }: { detail: TenderDetail }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const now = useNow();
  const steps = timelineSteps(detail, now);

  const day = (v: string | null) => (v ? formatDate(v, lang) : null);
  const instant = (v: string | null) => (v ? formatDateTime(v, lang) : null);
  const when: Record<StepKey, ReactNode> = {
    intention: day(detail.intentionOn),
    announced: day(detail.announcedOn),
    docSale:
      detail.docSaleStartOn || detail.docSaleEndOn
        ? `${day(detail.docSaleStartOn) ?? '…'} – ${day(detail.docSaleEndOn) ?? '…'}`
        : null,
    deadline: instant(detail.bidDeadlineAt),
    opening: detail.openingAt ? (
      <>
        <div>{instant(detail.openingAt)}</div>
        {detail.openingPlace && (
          <div className="tender-timeline__place" data-testid="tender-opening-place">
            {detail.openingPlace}
          </div>
        )}
      </>
    ) : null,
    publicity: day(detail.publicityEndOn),
    award: day(detail.awardedOn),
  };

  const subTitle = (s: TimelineStep): string | undefined => {
    if (s.state === 'stopped') return label(TENDER_STATUSES, detail.status);
    if (s.state !== 'next' || !s.day) return undefined;
    const n = daysUntil(s.day, now);
    if (s.key === 'docSale' && n >= 0) {
      if (n <= 1) {
        const soon = n === 0 ? 'today' : 'tomorrow';
        return t(s.starts ? `tenders.tl.starts.${soon}` : `tenders.tl.ends.${soon}`);
      }
      return t(s.starts ? 'tenders.tl.startsIn' : 'tenders.tl.endsIn', { n });
    }
    if (n === 0) return t('tenders.tl.today');
    if (n === 1) return t('tenders.tl.tomorrow');
    if (n === -1) return t('tenders.tl.yesterday');
    return n > 0 ? t('tenders.tl.inDays', { n }) : t('tenders.tl.daysAgo', { n: -n });
  };

  return (
    <Steps
      className="tender-timeline"
      type="dot"
      size="small"
      titlePlacement="vertical"
      data-testid="tender-timeline"
      items={steps.map((s) => ({
        key: s.key,
        status: STATUS[s.state],
        title: (
          <span data-testid={`tender-step-${s.key}`} data-state={s.state}>
            {t(TITLES[s.key])}
          </span>
        ),
        subTitle: subTitle(s),
        content: when[s.key] ?? <span className="cell-empty">{t('tenders.tl.notSet')}</span>,
      }))}
    />
  );
}
