/**
 * The tender card's actions. Each says, when disabled, why: results wait for the opening, an
 * awarded or closed tender takes no amendment, a closed one no results.
 */
import { useConfirmDelete } from '../../components/use-confirm-delete';
import {
  DeleteOutlined,
  EditOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  StopOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useNow } from './use-now';

export type TenderDialog = 'amend' | 'results' | 'close' | 'contract';

/** Why an action is not available now, or null when it is. */
function useBlockers(d: TenderDetail) {
  const t = useT();
  const { lang } = useLang();
  const now = useNow();
  const closed = d.status === 'failed' || d.status === 'cancelled';
  const results = closed
    ? t('reason.tender.closed')
    : d.status === 'planned'
      ? t('reason.tender.not_announced')
      : !d.openingAt
        ? t('tenders.results.noOpening')
        : Date.parse(d.openingAt) > now
          ? t('tenders.results.beforeOpening', { at: formatDateTime(d.openingAt, lang) })
          : null;
  const amend = closed
    ? t('reason.tender.closed')
    : d.status === 'awarded'
      ? t('reason.tender.awarded')
      : null;
  const close = closed
    ? t('reason.tender.closed')
    : d.status === 'awarded'
      ? t('reason.tender.awarded')
      : null;
  // A contract follows a lot we won.
  const contract =
    d.status === 'awarded' && d.wonLots > 0 ? null : t('reason.contract.tender_not_won');
  return { results, amend, close, contract };
}

/** A button that says why it is disabled when hovered. */
function Action(props: {
  blocked: string | null;
  icon: ReactNode;
  label: string;
  onClick: () => void;
  testId: string;
  danger?: boolean;
  loading?: boolean;
}) {
  const button = (
    <Button
      icon={props.icon}
      danger={props.danger}
      loading={props.loading}
      disabled={props.blocked !== null}
      onClick={props.onClick}
      data-testid={props.testId}
      data-blocked={props.blocked ?? undefined}
    >
      {props.label}
    </Button>
  );
  // A disabled button gets no mouse events: the tooltip hangs on a wrapper.
  return props.blocked ? (
    <Tooltip title={props.blocked}>
      <span className="tender-action--blocked">{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

export function TenderActions(props: {
  detail: TenderDetail;
  onEdit: () => void;
  onOpen: (dialog: TenderDialog) => void;
  onDeleted: () => void;
}) {
  const { detail, onEdit, onOpen, onDeleted } = props;
  const t = useT();
  const { deleting, confirm } = useConfirmDelete();
  const blockers = useBlockers(detail);

  const remove = () =>
    confirm({
      title: t('tenders.delete.title', { projectNo: detail.projectNo }),
      body: t('tenders.delete.body'),
      done: t('tenders.delete.done', { projectNo: detail.projectNo }),
      refused: t('tenders.delete.refused'),
      confirmTestId: 'tender-delete-confirm',
      run: () => call('tenders.delete', { id: detail.id }),
      onDeleted,
    });

  return (
    <Space wrap>
      <Action
        blocked={null}
        icon={<EditOutlined />}
        label={t('common.edit')}
        onClick={onEdit}
        testId="tender-edit"
      />
      <Action
        blocked={blockers.amend}
        icon={<FileTextOutlined />}
        label={t('tenders.action.amend')}
        onClick={() => onOpen('amend')}
        testId="tender-amend"
      />
      <Action
        blocked={blockers.results}
        icon={<TrophyOutlined />}
        label={
          detail.status === 'awarded'
            ? t('tenders.action.changeResults')
            : t('tenders.action.results')
        }
        onClick={() => onOpen('results')}
        testId="tender-results"
      />
      <Action
        blocked={blockers.contract}
        icon={<FileDoneOutlined />}
        label={t('tenders.action.contract')}
        onClick={() => onOpen('contract')}
        testId="tender-contract"
      />
      <Action
        blocked={blockers.close}
        icon={<StopOutlined />}
        label={t('tenders.action.close')}
        onClick={() => onOpen('close')}
        testId="tender-close"
      />
      <Action
        blocked={null}
        danger
        loading={deleting}
        icon={<DeleteOutlined />}
        label={t('common.delete')}
        onClick={remove}
        testId="tender-delete"
      />
    </Space>
  );
}
