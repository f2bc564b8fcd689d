import { Avatar, Dropdown, Grid, Layout, Menu, Select, Space, Button, Typography } from 'antd';
import { ApiOutlined, BellOutlined, MenuOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { notificationsApi } from '../api/notifications';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { setLanguage } from '../i18n';
import { MENU, menuEntryOf } from './menu';

const PhoneMenu = lazy(() => import('./PhoneMenu'));

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, can, logout, switchCompany } = useSession();
  const location = useLocation();
  // A phone (below md): the user, language and logout go into one avatar menu, the company name is left out.
  const phone = Grid.useBreakpoint().md === false;
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const poll = () =>
      void notificationsApi
        .unreadCount()
        .then((r) => setUnread(r.unread))
        .catch(() => undefined);
    poll();
    const timer = setInterval(poll, 30_000);
    return () => clearInterval(timer);
  }, [location.pathname]);
  const [drawer, setDrawer] = useState(false);
  useEffect(() => setDrawer(false), [location.pathname]);
  const items = MENU.map((g) => ({
    type: 'group' as const,
    key: g.key,
    label: t(g.label),
    children: g.entries
      .filter((e) => e.roles.length === 0 || can(...e.roles))
      .map((e) => ({ key: e.key, icon: e.icon, label: <Link to={e.key}>{t(e.label)}</Link> })),
  })).filter((g) => g.children.length > 0);
  items[items.length - 1]?.children.push({
    key: 'docs',
    icon: <ApiOutlined />,
    label: (
      <a href="/docs" target="_blank" rel="noreferrer">
        {t('menu.docs')}
      </a>
    ),
  });
  const selected = menuEntryOf(location.pathname)?.entry.key ?? '/';
  const brand = (
    <div style={{ padding: '16px 20px' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('app.name')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('app.tagline')}
      </Typography.Text>
    </div>
  );
  const menu = <Menu mode="inline" selectedKeys={[selected]} items={items} data-testid="main-menu" />;

  return (
    // hasSider: the Sider sits in a wrapper, where Layout would only find it after the first paint.
    <Layout hasSider={!phone} style={{ minHeight: '100vh' }}>
      {phone ? (
        // On a phone the menu slides over the page instead of pushing it aside.
        // Its script is fetched on phones only.
        <Suspense fallback={null}>
          <PhoneMenu open={drawer} onClose={() => setDrawer(false)}>
            {brand}
            {menu}
          </PhoneMenu>
        </Suspense>
      ) : (
        // The sider sticks to the window's height while the page scrolls; the white column around it runs the
        // page's whole length, so a long page (or its full-length capture) has no grey gap below the menu.
        <div style={{ background: '#fff' }} data-testid="sider-column">
          <Layout.Sider
            theme="light"
            width={208}
            style={{ overflow: 'auto', position: 'sticky', top: 0, height: '100vh' }}
          >
            {brand}
            {menu}
          </Layout.Sider>
        </div>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: phone ? '0 12px' : '0 20px',
            display: 'flex',
            justifyContent: phone ? 'space-between' : 'flex-end',
            alignItems: 'center',
            overflow: 'hidden',
          }}
          data-testid="app-header"
        >
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined style={{ fontSize: 20 }} />}
              aria-label={t('layout.openMenu')}
              data-testid="menu-toggle"
              onClick={() => setDrawer(true)}
              style={{ width: 44, height: 44 }}
            />
          )}
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
