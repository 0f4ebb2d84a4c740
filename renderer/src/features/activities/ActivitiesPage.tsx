/**
 * 客户活动: every logged visit, call, mailing … in the shared grid, newest first. `#/activities/<id>`
 * opens that activity in the form (from the grid, the calendar or my day).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Spin } from 'antd';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ActivityRow } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import { errorText } from '../../api/errors';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { useActivityColumns } from './activity-columns';
import { findActivity } from './activity-lookup';
import { ActivityForm } from './ActivityForm';
import {
  ACTIVITY_DEFAULT_SORT,
  ACTIVITY_GRID_SPECS,
  activityListView,
  fetchActivities,
} from './fetch-activities';
import { useActivityActions } from './use-activity-actions';
import { GridExportButton } from '../export/GridExportButton';
import { call } from '../../api/client';

const rowId = (r: ActivityRow) => r.id;

export function ActivitiesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'activities');
  const [creating, setCreating] = useState(false);
  // The activity of the route, with a number per lookup so a fresher copy resets the form.
  const [opened, setOpened] = useState<{ row: ActivityRow; seq: number } | null>(null);
  // Bumped after every change so the grid reloads.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);

  const open = useCallback(
    (row: ActivityRow) => navigate(recordPath('activities', row.id)),
    [navigate],
  );
  const close = useCallback(() => {
    setOpened(null);
    navigate('/activities');
  }, [navigate]);
  const { toggleNextStep, remove } = useActivityActions(changed);
  const onDelete = useCallback((row: ActivityRow) => void remove(row), [remove]);
  const onToggle = useCallback((row: ActivityRow) => void toggleNextStep(row), [toggleNextStep]);
  const columns = useActivityColumns({ onEdit: open, onToggleNextStep: onToggle, onDelete });

  const notFound = useEffectEvent((id: number, error: ApiError | null) => {
    void message.warning(error ? errorText(error, t) : t('activities.notFound', { id }));
    close();
  });

  useEffect(() => {
    if (openId === null) return;
    let live = true;
    void findActivity(openId).then((found) => {
      if (!live) return;
      const row = found.ok ? found.row : null;
      if (row) setOpened((prev) => ({ row, seq: (prev?.seq ?? 0) + 1 }));
      else notFound(openId, found.ok ? null : found.error);
    });
    return () => {
      live = false;
    };
  }, [openId]);

  const openRow = openId !== null && opened?.row.id === openId ? opened.row : null;

  return (
    <div className="page page--fill" data-testid="activities-page">
      <DataGrid
        gridId="activities"
        liveTopics={['activities']}
        testId="activities-grid"
        columns={columns}
        specs={ACTIVITY_GRID_SPECS}
        fetchPage={fetchActivities}
        getRowId={rowId}
        onRowOpen={open}
        defaultSort={ACTIVITY_DEFAULT_SORT}
        refreshKey={revision}
        searchPlaceholder={t('activities.searchPlaceholder')}
        toolbarStart={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="activity-new"
          >
            {t('activities.new')}
          </Button>
        }
        toolbarEnd={(view) => (
          <GridExportButton
            view={activityListView(view)}
            start={(input) => call('exports.grid', { grid: 'activities', ...input })}
          />
        )}
      />
      {openId !== null && !openRow && <Spin fullscreen delay={300} />}
      {openRow && (
        <ActivityForm
          key={`edit-${openRow.id}-${opened?.seq ?? 0}`}
          activity={openRow}
          onClose={close}
          onSaved={() => {
            void message.success(t('activities.saved'));
            changed();
            close();
          }}
          onDelete={(row) =>
            void remove(row).then((ok) => {
              if (ok) close();
            })
          }
        />
      )}
      {creating && (
        <ActivityForm
          activity={null}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void message.success(t('activities.created'));
            changed();
          }}
        />
      )}
    </div>
  );
}
