/** The tender card: a drawer with the tender's facts, timeline, lots, bond and amendments. */
import { Alert, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { PROCUREMENT_METHODS } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useEnumLabel, useT } from '../../i18n/context';
import { AmendDialog } from './AmendDialog';
import { AmendmentsList } from './AmendmentsList';
import { CloseDialog } from './CloseDialog';
import { ContractFromTender } from './ContractFromTender';
import { LotsTable } from './LotsTable';
import { ResultsDialog } from './ResultsDialog';
import { StatusTag } from './tender-cells';
import { TenderActions, type TenderDialog } from './TenderActions';
import { BondFacts, TenderFacts } from './TenderFacts';
import { TenderTimeline } from './TenderTimeline';
import { useTender } from './use-tender';
import { useSettings } from '../settings/use-settings';

interface Props {
  tenderId: number | null;
  revision: number;
  onClose: () => void;
  onEdit: (detail: TenderDetail) => void;
  onChanged: () => void;
}

type Dialog = TenderDialog | null;

export function TenderCard({ tenderId, revision, onClose, onEdit, onChanged }: Props) {
  const tender = useTender(tenderId, revision);
  const { detail, error } = tender;
  const [dialog, setDialog] = useState<Dialog>(null);

  const done = () => {
    setDialog(null);
    onChanged();
  };

  return (
    <RecordDrawer
      open={tenderId !== null}
      onClose={onClose}
      // The title says "loading" during a retry too (fetching), not only on the first load.
      record={{ ...tender, loading: tender.fetching }}
      words={{
        card: 'tenders.card.title',
        notFound: 'tenders.card.notFound',
        loadFailed: 'tenders.card.loadFailed',
      }}
      testId="tender-card"
      size="min(1180px, calc(100vw - 120px))"
      bodyClassName="tender-card__body"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => (
        <TenderActions
          detail={d}
          onEdit={() => onEdit(d)}
          onOpen={setDialog}
          onDeleted={() => {
            onClose();
            onChanged();
          }}
        />
      )}
      after={
        detail && (
          <>
            {dialog === 'amend' && (
              <AmendDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
            )}
            {dialog === 'results' && (
              <ResultsDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
            )}
            {dialog === 'contract' && (
              <ContractFromTender tenderId={detail.id} onClose={() => setDialog(null)} />
            )}
            {dialog === 'close' && (
              <CloseDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
            )}
          </>
        )
      }
    >
      {(d) => (
        <>
          {error && <ErrorAlert error={error} className="gap-bottom" />}
          <CardBody detail={d} />
        </>
      )}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: TenderDetail }) {
  const label = useEnumLabel();
  return (
    <RecordTitle name={detail.name} nameTestId="tender-card-name">
      <Typography.Text
        type="secondary"
        className="mono"
        copyable
        data-testid="tender-card-project-no"
      >
        {detail.projectNo}
      </Typography.Text>
      <Tag className="cell-tag">{label(PROCUREMENT_METHODS, detail.method)}</Tag>
      <StatusTag status={detail.status} phase={detail.phase} />
    </RecordTitle>
  );
}

function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="tender-section">
      <div className="tender-section__head">
        <Typography.Title level={5} className="tender-section__title">
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

function CardBody({ detail: d }: { detail: TenderDetail }) {
  const t = useT();
  const { settings: dealer } = useSettings('settings.dealer');
  const closed = d.status === 'failed' || d.status === 'cancelled';
  return (
    <>
      {closed && (
        <Alert
          type={d.status === 'failed' ? 'warning' : 'info'}
          showIcon
          className="gap-bottom"
          title={d.status === 'failed' ? t('tenders.card.failed') : t('tenders.card.cancelled')}
          description={
            // Every lot 流标 closes a tender without a typed reason.
            d.closeReason ?? (d.status === 'failed' ? t('tenders.card.noLotAwarded') : null)
          }
          data-testid="tender-close-reason"
        />
      )}
      <Section title={t('tenders.card.timeline')}>
        <TenderTimeline detail={d} />
      </Section>
      <Section title={t('tenders.card.facts')}>
        <TenderFacts detail={d} />
      </Section>
      <Section title={t('tenders.card.lots', { n: d.lots.length })}>
        <LotsTable lots={d.lots} dealer={dealer} />
      </Section>
      <Section title={t('tenders.card.bond')}>
        <BondFacts detail={d} />
      </Section>
      <Section title={t('tenders.card.amendments', { n: d.amendments.length })}>
        <AmendmentsList amendments={d.amendments} current={d} />
      </Section>
    </>
  );
}
