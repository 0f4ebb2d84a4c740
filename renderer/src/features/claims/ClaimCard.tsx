/**
 * The claim card: a drawer with the claim's header, what is wrong with it (a conflict with another
 * dealer, an overlap with a colleague, what stops filing), its actions and facts, and the tabs —
 * conflict, overlap, development, documents, timeline.
 */
import { Alert, Button, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentKind } from '../../../../shared/filing-enums';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import { useSession } from '../../app/session';
import { DocumentsPanel } from '../../components/documents/DocumentsPanel';
import { cardTab } from '../../components/card-tab';
import { ReasonList } from '../../components/ReasonList';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { ClaimActions } from './ClaimActions';
import { mayChange } from './claim-rules';
import { ClaimSummary } from './ClaimSummary';
import { ClaimSourceTag, ClaimStatusTag } from './claim-tags';
import { ConflictTab } from './ConflictTab';
import { DossierTab } from './DossierTab';
import { EvidenceTab } from './EvidenceTab';
import { colleagueNames, OverlapTab } from './OverlapTab';
import { useClaim } from './use-claim';
import type { ClaimSettings } from './use-claim-settings';
import './claims.css';

/** The evidence a claim collects: visits, the customer's statement, the authorisation letter. */
const CLAIM_DOCUMENT_KINDS: DocumentKind[] = [
  'visit_record',
  'customer_wish',
  'authorisation',
  'other',
];

interface Props {
  claimId: number | null;
  revision: number;
  settings: ClaimSettings;
  onClose: () => void;
  onEdit: (detail: ClaimDetail) => void;
  onChanged: () => void;
  onDeleted: () => void;
}

export function ClaimCard(props: Props) {
  const { claimId, revision, onClose } = props;
  const record = useClaim(claimId, revision);
  // Every workflow call answers with the whole claim: show it, then refresh the lists.
  const applied = (next: ClaimDetail) => {
    record.replace(next);
    props.onChanged();
  };

  return (
    <RecordDrawer
      open={claimId !== null}
      onClose={onClose}
      record={record}
      words={{ card: 'claims.card', notFound: 'claims.notFound', loadFailed: 'claims.loadFailed' }}
      testId="claim-card"
      title={(d) => <CardTitle detail={d} />}
    >
      {(d) => <CardBody key={d.id} {...props} detail={d} onApplied={applied} />}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: ClaimDetail }) {
  const t = useT();
  return (
    <RecordTitle name={detail.accountName} nameTestId="claim-title">
      <span data-testid="claim-status">
        <ClaimStatusTag value={detail.status} />
      </span>
      <ClaimSourceTag value={detail.source} />
      <Typography.Text type="secondary">
        {detail.source === 'ours'
          ? t('claims.byClaimant', { name: detail.claimant?.name ?? '—' })
          : t('claims.byDealer', { name: detail.dealerName ?? '—' })}
      </Typography.Text>
    </RecordTitle>
  );
}

/** A conflict, or a draft that would collide once filed. */
function ConflictAlert({ detail, onShow }: { detail: ClaimDetail; onShow: () => void }) {
  const t = useT();
  if (!detail.conflict) return null;
  // Another dealer's record stays “filed” while it collides with ours.
  const ahead = detail.status === 'draft';
  return (
    <Alert
      type={ahead ? 'warning' : 'error'}
      showIcon
      className="gap-bottom"
      title={ahead ? t('claims.conflictAhead') : t('claims.conflictAlert')}
      description={ahead ? undefined : t('claims.conflictAlertBody')}
      action={
        <Button size="small" onClick={onShow} data-testid="claim-conflict-show">
          {t('claims.showConflict')}
        </Button>
      }
      data-testid={ahead ? 'claim-conflict-ahead' : 'claim-conflict-alert'}
    />
  );
}

/** Colleagues' claims on the same organisation: named, dated, for a manager to settle. */
function OverlapAlert({ detail, onShow }: { detail: ClaimDetail; onShow: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const overlap = detail.overlap;
  if (!overlap) return null;
  const names = colleagueNames(overlap, detail.id, lang);
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-bottom"
      title={
        overlap.since
          ? t('claims.overlapAlert', { names, since: formatDateTime(overlap.since, lang) })
          : t('claims.overlapAhead', { names })
      }
      description={overlap.since ? t('claims.overlapAlertBody') : undefined}
      action={
        <Button size="small" onClick={onShow} data-testid="claim-overlap-show">
          {t('claims.showOverlap')}
        </Button>
      }
      data-testid={overlap.since ? 'claim-overlap-alert' : 'claim-overlap-ahead'}
    />
  );
}

/** What stops 提交报备, each worded as the rule it comes from. */
function Blockers({ detail }: { detail: ClaimDetail }) {
  const t = useT();
  if (detail.status !== 'draft' || detail.fileBlockers.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-bottom"
      title={t('claims.blockersTitle')}
      description={
        <ReasonList codes={detail.fileBlockers} className="clm-blockers" testId="claim-blockers" />
      }
    />
  );
}

type TabKey = 'conflict' | 'overlap' | 'evidence' | 'documents' | 'dossier';

function CardBody(
  props: Props & { detail: ClaimDetail; onApplied: (detail: ClaimDetail) => void },
) {
  const { detail, settings, onEdit, onApplied, onChanged, onDeleted } = props;
  const t = useT();
  const { user } = useSession();
  const [chosen, setChosen] = useState<TabKey | null>(null);
  const fallback: TabKey = detail.conflict ? 'conflict' : detail.overlap ? 'overlap' : 'evidence';
  const gone =
    (chosen === 'conflict' && !detail.conflict) || (chosen === 'overlap' && !detail.overlap);
  const active = gone ? fallback : (chosen ?? fallback);
  const closed = detail.status === 'released' || detail.status === 'expired';
  const tab = cardTab('claim-tab-');

  return (
    <>
      <ConflictAlert detail={detail} onShow={() => setChosen('conflict')} />
      <OverlapAlert detail={detail} onShow={() => setChosen('overlap')} />
      <Blockers detail={detail} />
      {detail.source !== 'ours' && (
        <Alert type="info" showIcon className="gap-bottom" title={t('claims.externalNote')} />
      )}
      <ClaimActions
        detail={detail}
        onEdit={onEdit}
        onApplied={onApplied}
        onChanged={onChanged}
        onDeleted={onDeleted}
        onShowDossier={() => setChosen('dossier')}
      />
      <ClaimSummary detail={detail} warnDays={settings.claimWarnDays} />
      <Tabs
        className="account-card__tabs"
        activeKey={active}
        onChange={(k) => setChosen(k as TabKey)}
        items={[
          ...(detail.conflict
            ? [
                tab(
                  'conflict',
                  t('claims.tabConflict'),
                  detail.conflict.claims.length,
                  <ConflictTab detail={detail} conflict={detail.conflict} />,
                ),
              ]
            : []),
          ...(detail.overlap
            ? [
                tab(
                  'overlap',
                  t('claims.tabOverlap'),
                  detail.overlap.claims.length,
                  <OverlapTab detail={detail} overlap={detail.overlap} onApplied={onApplied} />,
                ),
              ]
            : []),
          tab(
            'evidence',
            t('claims.tabEvidence'),
            detail.evidenceCount,
            <EvidenceTab detail={detail} canLog={!closed} onChanged={onChanged} />,
          ),
          tab(
            'documents',
            t('claims.tabDocuments'),
            detail.documents.length,
            <DocumentsPanel
              entity="claim"
              entityId={detail.id}
              documents={detail.documents}
              kinds={CLAIM_DOCUMENT_KINDS}
              canAttach={!closed}
              canRemove={detail.status === 'draft' && mayChange(detail, user)}
              onChanged={onChanged}
              testId="claim-documents"
            />,
          ),
          tab('dossier', t('claims.tabDossier'), null, <DossierTab detail={detail} />),
        ]}
      />
    </>
  );
}
