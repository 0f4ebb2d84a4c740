/** The buttons of an activity row: next step done / not done, edit, delete. */
import { CheckOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tooltip } from 'antd';
import type { ActivityRow } from '../../../../shared/schemas/activities';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { canChangeActivity } from './activity-tags';

interface Props {
  row: ActivityRow;
  onEdit: (row: ActivityRow) => void;
  onToggleNextStep: (row: ActivityRow) => void;
  onDelete: (row: ActivityRow) => void;
}

export function ActivityRowActions({ row, onEdit, onToggleNextStep, onDelete }: Props) {
  const t = useT();
  const { user } = useSession();
  const allowed = canChangeActivity(user, row);
  const done = row.nextStepDoneAt !== null;
  const why = allowed ? undefined : t('activities.notAuthor');
  return (
    // Clicks here (and in the confirm popup, a portal of this subtree) must not open the row.
    <span className="act-actions" onClick={(e) => e.stopPropagation()}>
      {row.nextStep && (
        <Tooltip title={why ?? (done ? t('activities.reopenNext') : t('activities.completeNext'))}>
          <Button
            size="small"
            type="text"
            icon={done ? <UndoOutlined /> : <CheckOutlined />}
            disabled={!allowed}
            aria-label={done ? t('activities.reopenNext') : t('activities.completeNext')}
            onClick={() => onToggleNextStep(row)}
            data-testid={`activity-complete-${row.id}`}
          />
        </Tooltip>
      )}
      <Tooltip title={allowed ? t('common.edit') : t('activities.view')}>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={t('common.edit')}
          onClick={() => onEdit(row)}
          data-testid={`activity-edit-${row.id}`}
        />
      </Tooltip>
      <Popconfirm
        title={t('activities.deleteConfirm')}
        description={t('activities.deleteBody')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, ...testId('activity-delete-confirm') }}
        onConfirm={() => onDelete(row)}
        disabled={!allowed}
      >
        <Tooltip title={why ?? t('common.delete')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={!allowed}
            aria-label={t('common.delete')}
            data-testid={`activity-delete-${row.id}`}
          />
        </Tooltip>
      </Popconfirm>
    </span>
  );
}
