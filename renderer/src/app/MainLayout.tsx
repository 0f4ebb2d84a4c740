/** The main window: brand and user in the header, capabilities in the side menu, the page in the middle. */
import {
  BankOutlined,
  DownOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { STAFF_ROLES } from '../../../shared/enums';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { StaffPage } from '../features/staff/StaffPage';
import { useEnumLabel, useT } from '../i18n/context';
import { SECTION_PATHS, type Section, sectionOf, useHashRoute } from '../lib/use-hash-route';
import { useSession } from './session';

export function MainLayout() {
  const t = useT();
  const label = useEnumLabel();
  const { user, switchUser } = useSession();
  const [collapsed, setCollapsed] = useState(false);
  const { path, navigate } = useHashRoute();
  const section = sectionOf(path);

  return (
    <Layout className="main-layout">
      <Layout.Header className="main-header">
        <Typography.Text strong className="brand" data-testid="app-title">
          Keyfleet <span className="brand__sub">大客户管理</span>
        </Typography.Text>
        <Space size="middle">
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'switch',
                  icon: <SwapOutlined />,
                  label: <span data-testid="switch-user">{t('header.switchUser')}</span>,
                  onClick: switchUser,
                },
              ],
            }}
          >
            <Button type="text" className="main-header__user" data-testid="user-menu">
              <UserOutlined />
              <span data-testid="current-user">{user.name}</span>
              <Typography.Text type="secondary" className="main-header__role">
                {label(STAFF_ROLES, user.role)}
              </Typography.Text>
              <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={168}
          collapsedWidth={48}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="main-sider"
        >
          <Menu
            mode="inline"
            selectedKeys={[section]}
            onClick={({ key }) => navigate(SECTION_PATHS[key as Section])}
            items={[
              {
                key: 'accounts',
                icon: <BankOutlined />,
                label: <span data-testid="nav-accounts">{t('nav.accounts')}</span>,
              },
              {
                key: 'staff',
                icon: <TeamOutlined />,
                label: <span data-testid="nav-staff">{t('nav.staff')}</span>,
              },
            ]}
          />
        </Layout.Sider>
        <Layout.Content className="main-content">
          {section === 'staff' ? <StaffPage /> : <AccountsPage />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
