/**
 * The claim card's actions, offered by status and role (claim-rules.ts): file, edit and delete a
 * draft, ask for and answer a cross-territory authorisation, record the manufacturer's reply and
 * the customer's wish, renew, release, and the dispute dossier.
 */
import {
  AuditOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  LikeOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { DeleteButton } from '../../components/DeleteButton';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { reasonText } from '../../lib/reason-text';
import { useRun } from '../../lib/use-run';
import { claimActions, renewal } from './claim-rules';
import {
  AuthAnswerDialog,
  AuthRequestDialog,
  ReleaseDialog,
  ReplyDialog,
  WishDialog,
} from './ClaimDialogs';

type Dialog = 'requestAuth' | 'answerAuth' | 'reply' | 'wish' | 'release' | null;

interface Props {
  detail: ClaimDetail;
  onEdit: (detail: ClaimDetail) => void;
  onApplied: (detail: ClaimDetail) => void;
  /** Something changed that the answer does not carry (a document attached): reload. */
  onChanged: () => void;
  onDeleted: () => void;
  onShowDossier: () => void;
}

export function ClaimActions(props: Props) {
  const { detail, onEdit, onApplied, onChanged, onDeleted, onShowDossier } = props;
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const { user } = useSession();
  const run = useRun();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const actions = new Set(claimActions(detail, user));
  const blocked = detail.fileBlockers.length > 0;
  // Asking is the next step while nothing is pending.
  const askFirst = blocked && detail.authState !== 'requested';
  const done = (next: ClaimDetail) => {
    setDialog(null);
    onApplied(next);
  };

  const file = () =>
    modal.confirm({
      title: t('claims.fileTitle', { name: detail.accountName }),
      content: t('claims.fileBody'),
      okText: t('claims.file'),
      cancelText: t('common.cancel'),
      okButtonProps: testId('claim-file-confirm'),
      cancelButtonProps: testId('claim-file-cancel'),
      onOk: async () => {
        setBusy(true);
        await run(call('claims.file', { id: detail.id }), (next) => {
          onApplied(next);
          if (next.status === 'conflict') void message.warning(t('claims.filedConflict'));
          else void message.success(t('claims.filed'));
        });
        setBusy(false);
      },
    });

  const renew = () => {
    const { from, to } = renewal(detail, chinaDate());
    modal.confirm({
      title: t('claims.renewTitle', { name: detail.accountName }),
      content: t('claims.renewBody', {
        from: formatDate(from, lang),
        to: formatDate(to, lang),
        days: detail.protectionDays,
      }),
      okText: t('claims.renew'),
      cancelText: t('common.cancel'),
      okButtonProps: testId('claim-renew-confirm'),
      cancelButtonProps: testId('claim-renew-cancel'),
      onOk: async () => {
        setBusy(true);
        await run(call('claims.renew', { id: detail.id }), (next) => {
          onApplied(next);
          void message.success(
            t('claims.renewed', { date: formatDate(next.expiresOn ?? to, lang) }),
          );
        });
        setBusy(false);
      },
    });
  };

  return (
    <div className="clm-actions" data-testid="claim-actions">
      {actions.has('file') && (
        <Tooltip
          title={blocked ? detail.fileBlockers.map((c) => reasonText(c, t)).join('；') : undefined}
        >
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={blocked}
            loading={busy}
            onClick={file}
            data-testid="claim-file"
          >
            {t('claims.file')}
          </Button>
        </Tooltip>
      )}
      {actions.has('requestAuth') && (
        <Button
          type={askFirst ? 'primary' : 'default'}
          ghost={askFirst}
          icon={<SafetyCertificateOutlined />}
          onClick={() => setDialog('requestAuth')}
          data-testid="claim-request-auth"
        >
          {detail.authState === 'needed' ? t('claims.requestAuth') : t('claims.requestAuthAgain')}
        </Button>
      )}
      {actions.has('answerAuth') && (
        <Button
          icon={<AuditOutlined />}
          onClick={() => setDialog('answerAuth')}
          data-testid="claim-answer-auth"
        >
          {t('claims.answerAuth')}
        </Button>
      )}
      {actions.has('reply') && (
        <Button
          icon={<MessageOutlined />}
          onClick={() => setDialog('reply')}
          data-testid="claim-reply"
        >
          {t('claims.recordReply')}
        </Button>
      )}
      {actions.has('wish') && (
        <Button icon={<LikeOutlined />} onClick={() => setDialog('wish')} data-testid="claim-wish">
          {t('claims.recordWish')}
        </Button>
      )}
      {actions.has('renew') && (
        <Button icon={<HistoryOutlined />} loading={busy} onClick={renew} data-testid="claim-renew">
          {t('claims.renew')}
        </Button>
      )}
      {actions.has('edit') && (
        <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="claim-edit">
          {t('claims.editDraft')}
        </Button>
      )}
      <Button icon={<FileSearchOutlined />} onClick={onShowDossier} data-testid="claim-dossier">
        {t('claims.dossier')}
      </Button>
      <span className="clm-actions__spacer" />
      {actions.has('release') && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog('release')}
          data-testid="claim-release"
        >
          {t('claims.release')}
        </Button>
      )}
      {actions.has('delete') && (
        <DeleteButton
          testId="claim-delete"
          label={t('claims.deleteDraft')}
          request={{
            title: t('claims.deleteTitle', { name: detail.accountName }),
            body: t('claims.deleteBody'),
            done: t('claims.deleted'),
            refused: t('claims.deleteRefused'),
            confirmTestId: 'claim-delete-confirm',
            run: () => call('claims.delete', { id: detail.id }),
            onDeleted,
          }}
        />
      )}
      {dialog === 'requestAuth' && (
        <AuthRequestDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'answerAuth' && (
        <AuthAnswerDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'reply' && (
        <ReplyDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'wish' && (
        <WishDialog
          detail={detail}
          onClose={() => setDialog(null)}
          onDone={done}
          onAttached={onChanged}
        />
      )}
      {dialog === 'release' && (
        <ReleaseDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
    </div>
  );
}
