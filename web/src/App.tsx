import { ConfigProvider, App as AntApp, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from './auth/session';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { HomePage } from './pages/HomePage';
import { CustomersPage } from './pages/CustomersPage';
import { ProductsPage } from './pages/ProductsPage';
import { WarehousesPage } from './pages/WarehousesPage';
import { StockPage } from './pages/StockPage';
import { UsersPage } from './pages/UsersPage';
import { OrdersPage } from './pages/OrdersPage';
import { OrderFormPage } from './pages/OrderFormPage';
import { OrderDetailPage } from './pages/OrderDetailPage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { ProductionPage } from './pages/ProductionPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { AllocationPage } from './pages/AllocationPage';
import { ReservationsPage } from './pages/ReservationsPage';
import { FranchiseesPage } from './pages/FranchiseesPage';
import { PickListsPage } from './pages/PickListsPage';
import { StoresPage } from './pages/StoresPage';
import { WarehousePage } from './pages/WarehousePage';
import { ServicePage } from './pages/ServicePage';
import { FinancePage } from './pages/FinancePage';
import { LogisticsPage } from './pages/LogisticsPage';

function Routed() {
  const { me, loading } = useSession();
  if (loading) return <Spin style={{ margin: 80 }} />;
  if (!me) return <LoginPage />;
  if (me.passwordChangeRequired) return <ChangePasswordPage />;
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
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="warehouse" element={<WarehousePage />} />
        <Route path="service" element={<ServicePage />} />
        <Route path="logistics" element={<LogisticsPage />} />
        <Route path="finance" element={<FinancePage />} />
        <Route path="allocation" element={<AllocationPage />} />
        <Route path="reservations" element={<ReservationsPage />} />
        <Route path="franchisees" element={<FranchiseesPage />} />
        <Route path="pick-lists" element={<PickListsPage />} />
        <Route path="stores" element={<StoresPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="warehouses" element={<WarehousesPage />} />
        <Route path="stock" element={<StockPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<HomePage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f6feb' } }}>
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
