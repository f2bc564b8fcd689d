import type { ReactNode } from 'react';
import {
  MailOutlined,
  AppstoreOutlined,
  TeamOutlined,
  ShoppingOutlined,
  HomeOutlined,
  DatabaseOutlined,
  UserOutlined,
  FileTextOutlined,
  AuditOutlined,
  ToolOutlined,
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
  BellOutlined,
  ApiOutlined,
  QuestionCircleOutlined,
  ProfileOutlined,
  InboxOutlined,
  BarChartOutlined,
} from '@ant-design/icons';

export type MenuEntry = { key: string; icon: ReactNode; label: string; roles: string[] };
export type MenuGroup = { key: string; label: string; entries: MenuEntry[] };

const ALL: string[] = [];
/** Who works with inquiries and quotations (the API's viewers). */
const QUOTING = ['sales_assistant', 'sales_director', 'general_manager', 'reviewer', 'order_admin', 'finance'];
const SALES_SIDE = ['sales_assistant', 'sales_director', 'order_admin', 'customer_service', 'general_manager'];

/** The menu by work area; an entry lists the roles that see it (none: everybody; admin sees all). */
export const MENU: MenuGroup[] = [
  {
    key: 'work',
    label: 'menuGroup.work',
    entries: [
      { key: '/', icon: <HomeOutlined />, label: 'menu.home', roles: ALL },
      { key: '/notifications', icon: <BellOutlined />, label: 'menu.notifications', roles: ALL },
    ],
  },
  {
    key: 'sales',
    label: 'menuGroup.sales',
    entries: [
      { key: '/inquiries', icon: <QuestionCircleOutlined />, label: 'menu.inquiries', roles: QUOTING },
      { key: '/quotations', icon: <ProfileOutlined />, label: 'menu.quotations', roles: QUOTING },
      { key: '/contracts', icon: <AuditOutlined />, label: 'menu.contracts', roles: [...QUOTING, 'legal'] },
      { key: '/contract-clauses', icon: <ContainerOutlined />, label: 'menu.contractClauses', roles: ['legal'] },
      { key: '/orders', icon: <FileTextOutlined />, label: 'menu.orders', roles: ALL },
      {
        key: '/change-requests',
        icon: <DiffOutlined />,
        label: 'changeReq.menu',
        roles: [...SALES_SIDE, 'reviewer', 'finance', 'warehouse', 'production_planner'],
      },
      {
        key: '/returns',
        icon: <RollbackOutlined />,
        label: 'returns.menu',
        roles: [...SALES_SIDE, 'logistics', 'warehouse', 'finance'],
      },
      { key: '/archive', icon: <InboxOutlined />, label: 'archive.menu', roles: ALL },
      { key: '/service', icon: <CustomerServiceOutlined />, label: 'menu.service', roles: ['customer_service'] },
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
    ],
  },
  {
    key: 'review',
    label: 'menuGroup.review',
    entries: [
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
    ],
  },
  {
    key: 'operations',
    label: 'menuGroup.operations',
    entries: [
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
      {
        key: '/export',
        icon: <GlobalOutlined />,
        label: 'menu.export',
        roles: ['documents_clerk', 'sales_assistant', 'order_admin', 'finance', 'general_manager', 'warehouse'],
      },
      {
        key: '/pick-lists',
        icon: <ContainerOutlined />,
        label: 'menu.pickLists',
        roles: ['warehouse', 'allocation_planner'],
      },
      { key: '/stock', icon: <AppstoreOutlined />, label: 'menu.stock', roles: ALL },
    ],
  },
  {
    key: 'finance',
    label: 'menuGroup.finance',
    entries: [
      {
        key: '/finance',
        icon: <AccountBookOutlined />,
        label: 'menu.finance',
        roles: ['finance', 'sales_director', 'general_manager'],
      },
      {
        key: '/franchisees',
        icon: <WalletOutlined />,
        label: 'menu.franchisees',
        roles: ['finance', 'allocation_planner'],
      },
    ],
  },
  {
    key: 'reports',
    label: 'menuGroup.reports',
    entries: [
      {
        key: '/reports/monthly',
        icon: <BarChartOutlined />,
        label: 'reports.menu',
        roles: ['sales_director', 'general_manager', 'order_admin', 'finance'],
      },
    ],
  },
  {
    key: 'allocation',
    label: 'menuGroup.allocation',
    entries: [
      { key: '/allocation', icon: <ApartmentOutlined />, label: 'menu.allocation', roles: ['allocation_planner'] },
      {
        key: '/reservations',
        icon: <LockOutlined />,
        label: 'menu.reservations',
        roles: ['allocation_planner', 'finance', 'sales_assistant'],
      },
      { key: '/stores', icon: <ShopOutlined />, label: 'menu.stores', roles: ['allocation_planner'] },
    ],
  },
  {
    key: 'master',
    label: 'menuGroup.master',
    entries: [
      {
        key: '/customers',
        icon: <TeamOutlined />,
        label: 'menu.customers',
        roles: [...SALES_SIDE, 'reviewer', 'finance', 'allocation_planner', 'logistics'],
      },
      { key: '/products', icon: <ShoppingOutlined />, label: 'menu.products', roles: ALL },
      {
        key: '/warehouses',
        icon: <DatabaseOutlined />,
        label: 'menu.warehouses',
        roles: ['warehouse', 'order_admin', 'logistics', 'allocation_planner'],
      },
    ],
  },
  {
    key: 'system',
    label: 'menuGroup.system',
    entries: [
      { key: '/users', icon: <UserOutlined />, label: 'menu.users', roles: ['admin'] },
      { key: '/settings', icon: <SettingOutlined />, label: 'menu.settings', roles: ['admin'] },
      { key: '/webhooks', icon: <ApiOutlined />, label: 'menu.webhooks', roles: ['admin'] },
      { key: '/messages', icon: <MailOutlined />, label: 'menu.messages', roles: ['admin'] },
    ],
  },
];

/** The menu entry a path belongs to, with its group: the breadcrumb and the selected menu item. */
export function menuEntryOf(pathname: string): { group: MenuGroup; entry: MenuEntry } | undefined {
  let best: { group: MenuGroup; entry: MenuEntry } | undefined;
  for (const group of MENU)
    for (const entry of group.entries) {
      const hit = entry.key === '/' ? pathname === '/' : pathname === entry.key || pathname.startsWith(entry.key + '/');
      if (hit && (!best || entry.key.length > best.entry.key.length)) best = { group, entry };
    }
  return best;
}
