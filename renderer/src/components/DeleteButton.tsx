/**
 * A card's delete button: danger-styled, spinning while the call runs, asking first and saying
 * why the server refused (use-confirm-delete.tsx).
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '../i18n/context';
import { type DeleteRequest, useConfirmDelete } from './use-confirm-delete';

interface Props {
  request: DeleteRequest;
  testId: string;
  /** The button's words; "删除 / Delete" unless the card says more (a draft). */
  label?: string | undefined;
}

export function DeleteButton({ request, testId, label }: Props) {
  const t = useT();
  const { deleting, confirm } = useConfirmDelete();
  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      loading={deleting}
      onClick={() => confirm(request)}
      data-testid={testId}
    >
      {label ?? t('common.delete')}
    </Button>
  );
}
