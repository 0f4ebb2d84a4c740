/** The tender card: a drawer with the tender's facts, timeline, lots, bond and amendments. */
import { Alert, Button, Drawer, Result, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { PROCUREMENT_METHODS } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { ErrorAlert, ErrorBody } from '../../components/ErrorAlert';
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
  const t = useT();
  // The title says "loading" during a retry too (fetching), not only on the first load.
  const { detail, error, fetching, reload } = useTender(tenderId, revision);
  const [dialog, setDialog] = useState<Dialog>(null);

  const done = () => {
    setDialog(null);
    onChanged();
  };

  return (
    <Drawer
      open={tenderId !== null}
      onClose={onClose}
      size="min(1180px, calc(100vw - 120px))"
      destroyOnHidden
      title={
        detail ? (
          <CardTitle detail={detail} />
        ) : fetching ? (
          t('common.loading')
        ) : (
          t('tenders.card.title')
        )
      }
      extra={
        detail && (
          <TenderActions
            detail={detail}
            onEdit={() => onEdit(detail)}
            onOpen={setDialog}
            onDeleted={() => {
              onClose();
              onChanged();
            }}
          />
        )
      }
      classNames={{ body: 'tender-card__body' }}
      data-testid="tender-card"
    >
      {error && !detail ? (
        <Result
          status={error.code === 'NOT_FOUND' ? '404' : 'error'}
          title={
            error.code === 'NOT_FOUND' ? t('tenders.card.notFound') : t('tenders.card.loadFailed')
          }
          subTitle={error.code === 'NOT_FOUND' ? undefined : <ErrorBody error={error} />}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      ) : !detail ? (
        <div className="center-pad">
          <Spin />
        </div>
      ) : (
        <>
          {error && <ErrorAlert error={error} className="gap-bottom" />}
          <CardBody detail={detail} />
        </>
      )}
      {detail && dialog === 'amend' && (
        <AmendDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {detail && dialog === 'results' && (
        <ResultsDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {detail && dialog === 'contract' && (
        <ContractFromTender tenderId={detail.id} onClose={() => setDialog(null)} />
      )}
      {detail && dialog === 'close' && (
        <CloseDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Drawer>
  );
}

function CardTitle({ detail }: { detail: TenderDetail }) {
  const label = useEnumLabel();
  return (
    <div className="account-card__title">
      <Typography.Text strong className="account-card__name" data-testid="tender-card-name">
        {detail.name}
      </Typography.Text>
      <Space size={6} wrap>
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
      </Space>
    </div>
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
