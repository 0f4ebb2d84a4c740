/** The add and remove buttons of a repeating form list (aliases, fleet lines, and later tender lots). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/context';

export function RemoveRowButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const t = useT();
  return (
    <Button
      type="text"
      icon={<DeleteOutlined />}
      aria-label={t('common.remove')}
      onClick={onClick}
      data-testid={testId}
    />
  );
}

export function AddRowButton({
  onClick,
  testId,
  children,
}: {
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button type="dashed" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}
