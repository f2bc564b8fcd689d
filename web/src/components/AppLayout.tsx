import { Layout, Menu, Select, Space, Button, Typography } from 'antd';
import { AppstoreOutlined, TeamOutlined, ShoppingOutlined, HomeOutlined, DatabaseOutlined, UserOutlined, ApiOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { setLanguage } from '../i18n';

/** Menu entries and the roles that see them (admin sees all). */
const entries = [
  { key: '/', icon: <HomeOutlined />, label: 'menu.home', roles: [] as string[] },
  { key: '/customers', icon: <TeamOutlined />, label: 'menu.customers', roles: ['sales_assistant', 'reviewer', 'sales_director', 'general_manager', 'finance', 'order_admin', 'customer_service', 'allocation_planner', 'logistics'] },
  { key: '/products', icon: <ShoppingOutlined />, label: 'menu.products', roles: [] },
  { key: '/warehouses', icon: <DatabaseOutlined />, label: 'menu.warehouses', roles: ['warehouse', 'order_admin', 'logistics', 'allocation_planner'] },
  { key: '/stock', icon: <AppstoreOutlined />, label: 'menu.stock', roles: [] },
  { key: '/users', icon: <UserOutlined />, label: 'menu.users', roles: ['admin'] },
];

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, can, logout, switchCompany } = useSession();
  const location = useLocation();
  const items = entries
    .filter((e) => e.roles.length === 0 || can(...e.roles))
    .map((e) => ({ key: e.key, icon: e.icon, label: <Link to={e.key}>{t(e.label)}</Link> }));
  items.push({ key: 'docs', icon: <ApiOutlined />, label: <a href="/docs" target="_blank" rel="noreferrer">{t('menu.docs')}</a> });
  const selected = entries.map((e) => e.key).filter((k) => k !== '/' && location.pathname.startsWith(k))[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('app.tagline')}</Typography.Text>
        </div>
        <Menu mode="inline" selectedKeys={[selected]} items={items} data-testid="main-menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space>
            {me && me.companies.length > 1 && (
              <Select
                data-testid="company-switch"
                value={me.company?.id}
                style={{ minWidth: 180 }}
                options={me.companies.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id) => void switchCompany(id).then(() => window.location.reload())}
              />
            )}
            {me && !(me.companies.length > 1) && <Typography.Text>{me.company?.name}</Typography.Text>}
            <Typography.Text strong>{me?.user.displayName}</Typography.Text>
            <Button data-testid="lang-switch" onClick={() => void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>{t('common.language')}</Button>
            <Button onClick={() => void logout()}>{t('common.logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 20 }}>
          <div style={{ background: '#fff', padding: 20, borderRadius: 8 }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
