/**
 * Moving an opportunity to a stage, from the board (drag or menu) and from the card: open stages
 * move at once, 丢单 asks for the reason and 赢单 for the final contract first.
 */
import { App } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import type { Input } from '../../../../shared/api';
import { STAGES, type Stage } from '../../../../shared/sales-enums';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorBody } from '../../components/ErrorAlert';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { LostDialog } from './LostDialog';
import { WonDialog } from './WonDialog';

/** What a move needs to know of the opportunity (a board card or the open card). */
export interface MoveTarget {
  id: number;
  title: string;
  stage: Stage;
  version: number;
}

export type RequestMove = (target: MoveTarget, to: Stage) => void;

type Dialog = { kind: 'lost' | 'won'; target: MoveTarget } | null;

export function useStageMove(onChanged: () => void): {
  request: RequestMove;
  /** The opportunity being moved right now, for a busy card. */
  busyId: number | null;
  dialogs: ReactNode;
} {
  const t = useT();
  const label = useEnumLabel();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const send = useCallback(
    async (
      target: MoveTarget,
      move: Omit<Input<'opportunities.move'>, 'id' | 'version'>,
    ): Promise<ApiError | null> => {
      setBusyId(target.id);
      const r = await call('opportunities.move', {
        ...move,
        id: target.id,
        // Refused when someone changed it since it was shown: the reload then shows their change.
        version: target.version,
      });
      setBusyId(null);
      onChanged();
      if (!r.ok) return r.error;
      void message.success(
        t('opp.moved', { title: target.title, stage: label(STAGES, move.stage) }),
      );
      return null;
    },
    [onChanged, message, t, label],
  );

  const request = useCallback<RequestMove>(
    (target, to) => {
      if (to === target.stage) return;
      if (to === 'lost' || to === 'won') {
        setDialog({ kind: to, target });
        return;
      }
      void send(target, { stage: to }).then((error) => {
        if (error)
          modal.error({
            title: t('opp.moveFailed'),
            content: <ErrorBody error={error} />,
            okButtonProps: testId('move-error-ok'),
          });
      });
    },
    [send, modal, t],
  );

  const close = () => setDialog(null);
  const closeUnlessRefused = (error: ApiError | null) => {
    if (!error) close();
    return error;
  };

  const dialogs =
    dialog?.kind === 'lost' ? (
      <LostDialog
        title={dialog.target.title}
        onCancel={close}
        onSubmit={async (facts) =>
          closeUnlessRefused(await send(dialog.target, { stage: 'lost', ...facts }))
        }
      />
    ) : dialog?.kind === 'won' ? (
      <WonDialog
        opportunityId={dialog.target.id}
        title={dialog.target.title}
        onCancel={close}
        onSubmit={async (contractId) =>
          closeUnlessRefused(await send(dialog.target, { stage: 'won', contractId }))
        }
      />
    ) : null;

  return { request, busyId, dialogs };
}
