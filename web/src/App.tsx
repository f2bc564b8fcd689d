import { ConfigProvider, App as AntApp, Spin } from 'antd';
import 'antd/dist/antd.css';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from './auth/session';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { lazyPage } from './components/lazyPage';
import { antdEnglishLocale } from './i18n';

// Each page is its own script, fetched when first opened, so the login and the order list load quickly.
const HomePage = lazyPage(() => import('./pages/HomePage'), 'HomePage');
const CustomersPage = lazyPage(() => import('./pages/CustomersPage'), 'CustomersPage');
const ProductsPage = lazyPage(() => import('./pages/ProductsPage'), 'ProductsPage');
const WarehousesPage = lazyPage(() => import('./pages/WarehousesPage'), 'WarehousesPage');
const StockPage = lazyPage(() => import('./pages/StockPage'), 'StockPage');
const UsersPage = lazyPage(() => import('./pages/UsersPage'), 'UsersPage');
const OrdersPage = lazyPage(() => import('./pages/OrdersPage'), 'OrdersPage');
const OrderFormPage = lazyPage(() => import('./pages/OrderFormPage'), 'OrderFormPage');
const OrderDetailPage = lazyPage(() => import('./pages/OrderDetailPage'), 'OrderDetailPage');
const ReviewQueuePage = lazyPage(() => import('./pages/ReviewQueuePage'), 'ReviewQueuePage');
const ProductionPage = lazyPage(() => import('./pages/ProductionPage'), 'ProductionPage');
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage'), 'NotificationsPage');
const AllocationPage = lazyPage(() => import('./pages/AllocationPage'), 'AllocationPage');
const ReservationsPage = lazyPage(() => import('./pages/ReservationsPage'), 'ReservationsPage');
const FranchiseesPage = lazyPage(() => import('./pages/FranchiseesPage'), 'FranchiseesPage');
const PickListsPage = lazyPage(() => import('./pages/PickListsPage'), 'PickListsPage');
const StoresPage = lazyPage(() => import('./pages/StoresPage'), 'StoresPage');
const ExportPage = lazyPage(() => import('./pages/ExportPage'), 'ExportPage');
const WarehousePage = lazyPage(() => import('./pages/WarehousePage'), 'WarehousePage');
const ServicePage = lazyPage(() => import('./pages/ServicePage'), 'ServicePage');
const FinancePage = lazyPage(() => import('./pages/FinancePage'), 'FinancePage');
const LogisticsPage = lazyPage(() => import('./pages/LogisticsPage'), 'LogisticsPage');
const SettingsPage = lazyPage(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const ChangeQueuePage = lazyPage(() => import('./pages/ChangeQueuePage'), 'ChangeQueuePage');
const ChangeRequestPage = lazyPage(() => import('./pages/ChangeRequestPage'), 'ChangeRequestPage');
const ReturnsPage = lazyPage(() => import('./pages/ReturnsPage'), 'ReturnsPage');
const ArchivePage = lazyPage(() => import('./pages/ArchivePage'), 'ArchivePage');
const ReturnDetailPage = lazyPage(() => import('./pages/ReturnDetailPage'), 'ReturnDetailPage');
const SamplesPage = lazyPage(() => import('./pages/SamplesPage'), 'SamplesPage');
const InquiriesPage = lazyPage(() => import('./pages/InquiriesPage'), 'InquiriesPage');
const QuotationsPage = lazyPage(() => import('./pages/QuotationsPage'), 'QuotationsPage');
const QuotationDetailPage = lazyPage(() => import('./pages/QuotationDetailPage'), 'QuotationDetailPage');
const ContractsPage = lazyPage(() => import('./pages/ContractsPage'), 'ContractsPage');
const ContractDetailPage = lazyPage(() => import('./pages/ContractDetailPage'), 'ContractDetailPage');
const ClauseTemplatesPage = lazyPage(() => import('./pages/contracts/ClauseTemplatesPage'), 'ClauseTemplatesPage');
const PrepRequestsPage = lazyPage(() => import('./pages/PrepRequestsPage'), 'PrepRequestsPage');
const WebhooksPage = lazyPage(() => import('./pages/WebhooksPage'), 'WebhooksPage');
const MessagesPage = lazyPage(() => import('./pages/MessagesPage'), 'MessagesPage');
const MonthlyReportPage = lazyPage(() => import('./pages/reports/MonthlyReportPage'), 'MonthlyReportPage');
const FigureOrdersPage = lazyPage(() => import('./pages/reports/FigureOrdersPage'), 'FigureOrdersPage');
const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage');
const PortalApp = lazyPage(() => import('./pages/portal/PortalApp'), 'PortalApp');

function Routed() {
  const { me, loading } = useSession();
  if (loading) return <Spin style={{ margin: 80 }} />;
  if (!me) return <LoginPage />;
  if (me.passwordChangeRequired) return <ChangePasswordPage />;
  // A customer's contact lands in the portal, its own small app; staff land where they always did.
  if (me.roles.length > 0 && me.roles.every((r) => r === 'customer')) return <PortalApp />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/new" element={<OrderFormPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="orders/:id/edit" element={<OrderFormPage />} />
        <Route path="review" element={<ReviewQueuePage />} />
        <Route path="production" element={<ProductionPage />} />
        <Route path="change-requests" element={<ChangeQueuePage />} />
        <Route path="change-requests/:id" element={<ChangeRequestPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="warehouse" element={<WarehousePage />} />
        <Route path="service" element={<ServicePage />} />
        <Route path="logistics" element={<LogisticsPage />} />
        <Route path="finance" element={<FinancePage />} />
        <Route path="returns" element={<ReturnsPage />} />
        <Route path="archive" element={<ArchivePage />} />
        <Route path="returns/:id" element={<ReturnDetailPage />} />
        <Route path="allocation" element={<AllocationPage />} />
        <Route path="reservations" element={<ReservationsPage />} />
        <Route path="franchisees" element={<FranchiseesPage />} />
        <Route path="pick-lists" element={<PickListsPage />} />
        <Route path="stores" element={<StoresPage />} />
        <Route path="export" element={<ExportPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="warehouses" element={<WarehousesPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="messages" element={<MessagesPage />} />
        <Route path="samples" element={<SamplesPage />} />
        <Route path="prep-requests" element={<PrepRequestsPage />} />
        <Route path="inquiries" element={<InquiriesPage />} />
        <Route path="quotations" element={<QuotationsPage />} />
        <Route path="quotations/:id" element={<QuotationDetailPage />} />
        <Route path="reports/monthly" element={<MonthlyReportPage />} />
        <Route path="reports/monthly/:month/:figure" element={<FigureOrdersPage />} />
        <Route path="contracts" element={<ContractsPage />} />
        <Route path="contracts/:id" element={<ContractDetailPage />} />
        <Route path="contract-clauses" element={<ClauseTemplatesPage />} />
        <Route path="*" element={<HomePage />} />
      </Route>
    </Routes>
  );
}

// Someone who asked their system for less motion gets none: drawers, modals and messages appear at once.
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// Components take their styles from antd's stylesheet instead of computing them in the browser on every page load
// (a third less script time per page); the theme's tokens still apply, as CSS variables.
export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={en ? (antdEnglishLocale() ?? zhCN) : zhCN}
      theme={{ zeroRuntime: true, token: { colorPrimary: '#1f6feb', motion: !reducedMotion } }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
