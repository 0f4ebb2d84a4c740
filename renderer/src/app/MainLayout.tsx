/** The main window: brand and user in the header, capabilities in the side menu, the page in the middle. */
import {
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DownOutlined,
  AuditOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  PhoneOutlined,
  RiseOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import {
  App,
  Badge,
  Button,
  Dropdown,
  Layout,
  Menu,
  Modal,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useEffect, useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../shared/enums';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ApprovalNotifier } from '../features/approvals/ApprovalNotifier';
import { usePendingApprovalCount } from '../features/approvals/use-pending-approvals';
import { ReminderWatcher } from '../features/calendar/ReminderWatcher';
import { useSwitchConnectionItem } from '../features/connection/use-switch-connection-item';
import type { MessageKey } from '../i18n/messages-zh';
import { useEnumLabel, useT } from '../i18n/context';
import { SECTION_PATHS, type Section, sectionOf, useHashRoute } from '../lib/use-hash-route';
import { page, type PageName, prefetchPages } from './pages';
import { useSession } from './session';

/** The side menu in order: the day first, then the work from account to delivery, then setup. */
const SECTIONS: {
  key: Section;
  icon: ReactNode;
  label: MessageKey;
  testId: string;
  page: PageName;
}[] = [
  {
    key: 'myDay',
    icon: <HomeOutlined />,
    label: 'nav.myDay',
    testId: 'nav-my-day',
    page: 'myDay',
  },
  {
    key: 'accounts',
    icon: <BankOutlined />,
    label: 'nav.accounts',
    testId: 'nav-accounts',
    page: 'accounts',
  },
  {
    key: 'opportunities',
    icon: <FundOutlined />,
    label: 'nav.opportunities',
    testId: 'nav-opportunities',
    page: 'opportunities',
  },
  {
    key: 'tenders',
    icon: <FileSearchOutlined />,
    label: 'nav.tenders',
    testId: 'nav-tenders',
    page: 'tenders',
  },
  {
    key: 'contracts',
    icon: <FileDoneOutlined />,
    label: 'nav.contracts',
    testId: 'nav-contracts',
    page: 'contracts',
  },
  {
    key: 'payments',
    icon: <MoneyCollectOutlined />,
    label: 'nav.payments',
    testId: 'nav-payments',
    page: 'payments',
  },
  {
    key: 'claims',
    icon: <FlagOutlined />,
    label: 'nav.claims',
    testId: 'nav-claims',
    page: 'claims',
  },
  {
    key: 'filings',
    icon: <AuditOutlined />,
    label: 'nav.filings',
    testId: 'nav-filings',
    page: 'filings',
  },
  {
    key: 'activities',
    icon: <PhoneOutlined />,
    label: 'nav.activities',
    testId: 'nav-activities',
    page: 'activities',
  },
  {
    key: 'value',
    icon: <RiseOutlined />,
    label: 'nav.value',
    testId: 'nav-value',
    page: 'value',
  },
  {
    key: 'calendar',
    icon: <CalendarOutlined />,
    label: 'nav.calendar',
    testId: 'nav-calendar',
    page: 'calendar',
  },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    label: 'nav.settings',
    testId: 'nav-settings',
    page: 'settings',
  },
  {
    key: 'staff',
    icon: <TeamOutlined />,
    label: 'nav.staff',
    testId: 'nav-staff',
    page: 'staff',
  },
];

/**
 * The dashboards' place in the menu by role: managers (and admins) find 管理看板 right after their
 * day; a specialist finds 我的看板 — the same page with their own figures — after their activities.
 */
function sectionsFor(role: StaffRole): typeof SECTIONS {
  const manager = role !== 'specialist';
  const entry = {
    key: 'dashboards' as const,
    icon: <DashboardOutlined />,
    label: manager ? ('nav.dashboards' as const) : ('nav.myFigures' as const),
    testId: 'nav-dashboards',
    page: 'dashboards' as const,
  };
  const after = SECTIONS.findIndex((s) => s.key === (manager ? 'myDay' : 'activities')) + 1;
  return [...SECTIONS.slice(0, after), entry, ...SECTIONS.slice(after)];
}

export function MainLayout() {
  const t = useT();
  const label = useEnumLabel();
  const { user, info, switchUser, updateUser } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const { message } = App.useApp();
  const team = info.signIn === 'password';
  const switchConnection = useSwitchConnectionItem();
  const [collapsed, setCollapsed] = useState(false);
  useEffect(prefetchPages, []);
  const { path, navigate } = useHashRoute();
  const section = sectionOf(path);
  const sections = sectionsFor(user.role);
  const pendingApprovals = usePendingApprovalCount(user.role !== 'specialist');

  return (
    <Layout className="main-layout">
      <ReminderWatcher />
      <Modal
        open={changingPassword}
        footer={null}
        destroyOnHidden
        onCancel={() => setChangingPassword(false)}
      >
        <ChangePasswordForm
          required={false}
          onChanged={(u) => {
            setChangingPassword(false);
            updateUser(u);
            void message.success(t('password.changed'));
          }}
        />
      </Modal>
      <ApprovalNotifier userId={user.id} />
      <Layout.Header className="main-header">
        <Typography.Text strong className="brand" data-testid="app-title">
          Keyfleet <span className="brand__sub">大客户管理</span>
        </Typography.Text>
        <Space size="middle">
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: team
                ? [
                    {
                      key: 'password',
                      icon: <KeyOutlined />,
                      label: (
                        <span data-testid="change-password">{t('header.changePassword')}</span>
                      ),
                      onClick: () => setChangingPassword(true),
                    },
                    {
                      key: 'signOut',
                      icon: <LogoutOutlined />,
                      label: <span data-testid="sign-out">{t('header.signOut')}</span>,
                      onClick: switchUser,
                    },
                  ]
                : [
                    {
                      key: 'switch',
                      icon: <SwapOutlined />,
                      label: <span data-testid="switch-user">{t('header.switchUser')}</span>,
                      onClick: switchUser,
                    },
                    ...(switchConnection ? [switchConnection] : []),
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
            items={sections.map((item) => ({
              key: item.key,
              icon: item.icon,
              label: (
                <span data-testid={item.testId}>
                  {t(item.label)}
                  {item.key === 'myDay' && pendingApprovals > 0 && (
                    <Tooltip title={t('approvals.menuCount', { n: pendingApprovals })}>
                      <Badge
                        count={pendingApprovals}
                        size="small"
                        offset={[6, -2]}
                        aria-label={t('approvals.menuCount', { n: pendingApprovals })}
                        data-testid="nav-approvals-count"
                      />
                    </Tooltip>
                  )}
                </span>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content className="main-content">
          {page((sections.find((item) => item.key === section) ?? SECTIONS[1]!).page)}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
