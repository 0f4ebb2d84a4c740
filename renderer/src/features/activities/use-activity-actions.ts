/** Marking a next step done (or not) and deleting an activity, with the user told how it went. */
import { App } from 'antd';
import { useCallback } from 'react';
import type { ActivityRow } from '../../../../shared/schemas/activities';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useT } from '../../i18n/context';

export function useActivityActions(onChanged: () => void) {
  const t = useT();
  const { message } = App.useApp();

  const toggleNextStep = useCallback(
    async (row: ActivityRow) => {
      const done = row.nextStepDoneAt === null;
      const r = await call('activities.completeNextStep', { id: row.id, done });
      if (r.ok) {
        void message.success(done ? t('activities.nextCompleted') : t('activities.nextReopened'));
        onChanged();
      } else void message.error(`${t('activities.actionFailed')}: ${errorText(r.error, t)}`);
    },
    [t, message, onChanged],
  );

  const remove = useCallback(
    async (row: ActivityRow): Promise<boolean> => {
      const r = await call('activities.delete', { id: row.id });
      if (r.ok) {
        void message.success(t('activities.deleted'));
        onChanged();
        return true;
      }
      void message.error(`${t('activities.deleteFailed')}: ${errorText(r.error, t)}`);
      return false;
    },
    [t, message, onChanged],
  );

  return { toggleNextStep, remove };
}
