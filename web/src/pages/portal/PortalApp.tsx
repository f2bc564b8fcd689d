import { Button, Flex, Layout, Segmented, Typography } from 'antd';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { setLanguage } from '../../i18n';
import { lazyPage } from '../../components/lazyPage';
import { addPortalTexts } from './texts';

addPortalTexts();

// 客户门户: a small phone-first app of its own for a customer's contacts (no staff menu).
const PortalOrdersPage = lazyPage(() => import('./PortalOrdersPage'), 'PortalOrdersPage');
const PortalOrderPage = lazyPage(() => import('./PortalOrderPage'), 'PortalOrderPage');
const PortalShipmentsPage = lazyPage(() => import('./PortalShipmentsPage'), 'PortalShipmentsPage');
const PortalMoneyPage = lazyPage(() => import('./PortalMoneyPage'), 'PortalMoneyPage');
const PortalAllocationsPage = lazyPage(() => import('./PortalAllocationsPage'), 'PortalAllocationsPage');

const TABS = ['orders', 'shipments', 'money', 'allocations'] as const;

function PortalLayout() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = TABS.find((k) => pathname.startsWith(`/portal/${k}`)) ?? 'orders';
  return (
    <Layout style={{ minHeight: '100vh', maxWidth: 720, margin: '0 auto', background: '#f5f6f8' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 12px', height: 'auto', lineHeight: '48px' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong data-testid="portal-title">
            {t('portal.title')} · {me?.company?.name}
          </Typography.Text>
          <Flex gap={4}>
            <Button size="small" onClick={() => void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
              {i18n.language === 'en' ? '中文' : 'EN'}
            </Button>
            <Button size="small" onClick={() => void logout()} data-testid="portal-logout">
              {t('portal.logout')}
            </Button>
          </Flex>
        </Flex>
        <Segmented
          block
          value={tab}
          style={{ marginBottom: 8 }}
          options={TABS.map((k) => ({ value: k, label: t(`portal.tab.${k}`) }))}
          onChange={(k) => navigate(k === 'orders' ? '/portal' : `/portal/${k}`)}
          data-testid="portal-tabs"
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

export function PortalApp() {
  return (
    <Routes>
      <Route path="/portal" element={<PortalLayout />}>
        <Route index element={<PortalOrdersPage />} />
        <Route path="orders/:id" element={<PortalOrderPage />} />
        <Route path="shipments" element={<PortalShipmentsPage />} />
        <Route path="money" element={<PortalMoneyPage />} />
        <Route path="allocations" element={<PortalAllocationsPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/portal" replace />} />
    </Routes>
  );
}
