import { Avatar, Dropdown, Grid, Layout, Menu, Select, Space, Button, Typography } from 'antd';
import {
  AppstoreOutlined,
  TeamOutlined,
  ShoppingOutlined,
  HomeOutlined,
  DatabaseOutlined,
  UserOutlined,
  ApiOutlined,
  FileTextOutlined,
  AuditOutlined,
  ToolOutlined,
  BellOutlined,
  ApartmentOutlined,
  LockOutlined,
  WalletOutlined,
  ContainerOutlined,
  ShopOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  AccountBookOutlined,
  GlobalOutlined,
  SettingOutlined,
  DiffOutlined,
  RollbackOutlined,
  GiftOutlined,
  ExperimentOutlined,
} from '@ant-design/icons';
import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { setLanguage } from '../i18n';

/** Menu entries and the roles that see them (admin sees all). */
const entries = [
  { key: '/', icon: <HomeOutlined />, label: 'menu.home', roles: [] as string[] },
  { key: '/orders', icon: <FileTextOutlined />, label: 'menu.orders', roles: [] },
  {
    key: '/review',
    icon: <AuditOutlined />,
    label: 'menu.review',
    roles: ['reviewer', 'finance', 'production_planner', 'sales_director', 'general_manager'],
  },
  {
    key: '/production',
    icon: <ToolOutlined />,
    label: 'menu.production',
    roles: ['production_planner', 'reviewer', 'sales_director', 'general_manager'],
  },
  {
    key: '/change-requests',
    icon: <DiffOutlined />,
    label: 'changeReq.menu',
    roles: [
      'sales_assistant',
      'customer_service',
      'order_admin',
      'reviewer',
      'finance',
      'warehouse',
      'production_planner',
      'sales_director',
      'general_manager',
    ],
  },
  {
    key: '/warehouse',
    icon: <CarOutlined />,
    label: 'menu.warehouse',
    roles: ['warehouse', 'logistics', 'order_admin'],
  },
  {
    key: '/logistics',
    icon: <GlobalOutlined />,
    label: 'menu.logistics',
    roles: ['logistics', 'warehouse', 'customer_service'],
  },
  { key: '/service', icon: <CustomerServiceOutlined />, label: 'menu.service', roles: ['customer_service'] },
  {
    key: '/finance',
    icon: <AccountBookOutlined />,
    label: 'menu.finance',
    roles: ['finance', 'sales_director', 'general_manager'],
  },
  {
    key: '/returns',
    icon: <RollbackOutlined />,
    label: 'returns.menu',
    roles: [
      'sales_assistant',
      'sales_director',
      'order_admin',
      'customer_service',
      'logistics',
      'warehouse',
      'finance',
      'general_manager',
    ],
  },
  { key: '/allocation', icon: <ApartmentOutlined />, label: 'menu.allocation', roles: ['allocation_planner'] },
  {
    key: '/reservations',
    icon: <LockOutlined />,
    label: 'menu.reservations',
    roles: ['allocation_planner', 'finance', 'sales_assistant'],
  },
  {
    key: '/franchisees',
    icon: <WalletOutlined />,
    label: 'menu.franchisees',
    roles: ['finance', 'allocation_planner'],
  },
  {
    key: '/pick-lists',
    icon: <ContainerOutlined />,
    label: 'menu.pickLists',
    roles: ['warehouse', 'allocation_planner'],
  },
  { key: '/stores', icon: <ShopOutlined />, label: 'menu.stores', roles: ['allocation_planner'] },
  {
    key: '/customers',
    icon: <TeamOutlined />,
    label: 'menu.customers',
    roles: [
      'sales_assistant',
      'reviewer',
      'sales_director',
      'general_manager',
      'finance',
      'order_admin',
      'customer_service',
      'allocation_planner',
      'logistics',
    ],
  },
  { key: '/products', icon: <ShoppingOutlined />, label: 'menu.products', roles: [] },
  {
    key: '/warehouses',
    icon: <DatabaseOutlined />,
    label: 'menu.warehouses',
    roles: ['warehouse', 'order_admin', 'logistics', 'allocation_planner'],
  },
  { key: '/stock', icon: <AppstoreOutlined />, label: 'menu.stock', roles: [] },
  { key: '/users', icon: <UserOutlined />, label: 'menu.users', roles: ['admin'] },
  { key: '/settings', icon: <SettingOutlined />, label: 'menu.settings', roles: ['admin'] },
  // Special orders: free samples out with customers, stock and material prep without a sales order.
  {
    key: '/samples',
    icon: <GiftOutlined />,
    label: 'special.samples',
    roles: ['warehouse', 'finance', 'general_manager', 'sales_director', 'sales_assistant', 'customer_service'],
  },
  {
    key: '/prep-requests',
    icon: <ExperimentOutlined />,
    label: 'special.prepRequests',
    roles: ['sales_assistant', 'sales_director', 'general_manager', 'production_planner'],
  },
];

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, can, logout, switchCompany } = useSession();
  const location = useLocation();
  // A phone (below md): the user, language and logout go into one avatar menu, the company name is left out.
  const phone = Grid.useBreakpoint().md === false;
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const poll = () =>
      void api
        .get<{ unread: number }>('/api/notifications/unread-count')
        .then((r) => setUnread(r.unread))
        .catch(() => undefined);
    poll();
    const timer = setInterval(poll, 30_000);
    return () => clearInterval(timer);
  }, [location.pathname]);
  const items = entries
    .filter((e) => e.roles.length === 0 || can(...e.roles))
    .map((e) => ({ key: e.key, icon: e.icon, label: <Link to={e.key}>{t(e.label)}</Link> }));
  items.push({
    key: 'docs',
    icon: <ApiOutlined />,
    label: (
      <a href="/docs" target="_blank" rel="noreferrer">
        {t('menu.docs')}
      </a>
    ),
  });
  const selected = entries.map((e) => e.key).filter((k) => k !== '/' && location.pathname.startsWith(k))[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[selected]} items={items} data-testid="main-menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: phone ? '0 12px' : '0 20px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            overflow: 'hidden',
          }}
          data-testid="app-header"
        >
          <Space style={{ minWidth: 0 }}>
            {me && me.companies.length > 1 && (
              <Select
                data-testid="company-switch"
                value={me.company?.id}
                style={phone ? { width: 150 } : { minWidth: 180 }}
                popupMatchSelectWidth={false}
                options={me.companies.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id) => void switchCompany(id).then(() => window.location.reload())}
              />
            )}
            {me && !phone && !(me.companies.length > 1) && (
              <Typography.Text ellipsis style={{ maxWidth: 240, display: 'block' }}>
                {me.company?.name}
              </Typography.Text>
            )}
            <Link to="/notifications" data-testid="notification-bell">
              <Badge count={unread} size="small">
                <BellOutlined style={{ fontSize: 18 }} />
              </Badge>
            </Link>
            {phone ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'me', label: me?.user.displayName, disabled: true },
                    ...(me && !(me.companies.length > 1)
                      ? [{ key: 'co', label: me.company?.name, disabled: true }]
                      : []),
                    { type: 'divider' as const },
                    { key: 'lang', label: t('common.language') },
                    { key: 'logout', label: t('common.logout') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'lang') void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en');
                    if (key === 'logout') void logout();
                  },
                }}
              >
                <Avatar
                  data-testid="user-menu"
                  style={{ background: '#1f6feb', cursor: 'pointer', flex: 'none' }}
                  alt={me?.user.displayName}
                >
                  {me?.user.displayName.slice(0, 1)}
                </Avatar>
              </Dropdown>
            ) : (
              <>
                <Typography.Text strong ellipsis style={{ maxWidth: 160, display: 'block' }}>
                  {me?.user.displayName}
                </Typography.Text>
                <Button
                  data-testid="lang-switch"
                  onClick={() => void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
                >
                  {t('common.language')}
                </Button>
                <Button onClick={() => void logout()}>{t('common.logout')}</Button>
              </>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: phone ? 8 : 20 }}>
          <div style={{ background: '#fff', padding: phone ? 12 : 20, borderRadius: 8 }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
