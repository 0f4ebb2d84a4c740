/** The user menu's way to the connection chooser (Electron, working on this computer). */
import { CloudServerOutlined } from '@ant-design/icons';
import { App, type MenuProps } from 'antd';
import { errorText } from '../../api/errors';
import { useT } from '../../i18n/context';
import { useConnectionSwitch } from './ConnectionGate';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function useSwitchConnectionItem(): MenuItem | null {
  const t = useT();
  const { modal, message } = App.useApp();
  const switchConnection = useConnectionSwitch();
  if (!switchConnection) return null;
  return {
    key: 'connection',
    icon: <CloudServerOutlined />,
    label: <span data-testid="switch-connection">{t('conn.switch')}</span>,
    onClick: () =>
      void modal.confirm({
        title: t('conn.switchConfirm'),
        content: t('conn.switchConfirmBody'),
        okText: t('conn.switchOk'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          const error = await switchConnection();
          if (error) void message.error(errorText(error, t));
        },
      }),
  };
}
