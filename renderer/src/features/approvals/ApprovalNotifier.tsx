/**
 * Tells a requester, wherever they are in the app, that a manager decided on their below-floor
 * price: a notice with a link to the contract (the decision also stays in 我的今天).
 */
import { Button, notification } from 'antd';
import type { HTMLAttributes } from 'react';
import { onLiveEvent } from '../../api/live-events';
import { useEffect } from 'react';
import { useT } from '../../i18n/context';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';

type DivProps = HTMLAttributes<HTMLDivElement> & { 'data-testid': string };

export function ApprovalNotifier({ userId }: { userId: number }) {
  const t = useT();
  const { navigate } = useHashRoute();
  const [api, holder] = notification.useNotification();
  useEffect(
    () =>
      onLiveEvent((event) => {
        if (event === 'reset' || event.topic !== 'approvals' || event.requesterId !== userId)
          return;
        if (event.decision !== 'approved' && event.decision !== 'rejected') return;
        const contractId = event.contractId;
        api.open({
          key: `approval-${event.recordId}`,
          type: event.decision === 'approved' ? 'success' : 'warning',
          message: t(
            event.decision === 'approved' ? 'approvals.approvedTitle' : 'approvals.rejectedTitle',
          ),
          description: t('approvals.decidedBody'),
          duration: 0,
          props: { 'data-testid': 'approval-decided-notice' } as DivProps,
          actions:
            contractId === undefined ? undefined : (
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  api.destroy(`approval-${event.recordId}`);
                  navigate(recordPath('contracts', contractId));
                }}
                data-testid="approval-decided-open"
              >
                {t('approvals.open')}
              </Button>
            ),
        });
      }),
    [api, navigate, t, userId],
  );
  return holder;
}
