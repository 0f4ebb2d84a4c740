/** Managers: how many price requests wait for them, kept current by live changes. */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import { onTopics } from '../../api/live-events';
import { useLiveRefresh } from '../../lib/use-live';

export function usePendingApprovalCount(isManager: boolean): number {
  const [count, setCount] = useState(0);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!isManager) return;
    let live = true;
    void call('contracts.pendingApprovals', {}).then((r) => {
      // A failed count keeps the last one: the badge is a hint, the list is in 我的今天.
      if (live && r.ok) setCount(r.value.items.length);
    });
    return () => {
      live = false;
    };
  }, [isManager, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useLiveRefresh(isManager ? onTopics('approvals', 'contracts') : null, reload);
  return isManager ? count : 0;
}
