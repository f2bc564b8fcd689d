// The roles of spec/order-lifecycle.md (岗位). A user may hold several per company.
export const ROLES = [
  'sales_assistant', // 销售助理 / 客户经理
  'reviewer', // 订单审核专员
  'sales_director', // 销售总监
  'general_manager', // 总经理
  'finance', // 财务
  'legal', // 法务: reviews sales contracts
  'credit_controller', // 信用管理: changes customers' credit limit, payment method and terms (a finance duty)
  'production_planner', // 生产计划员
  'order_admin', // 订单管理专员
  'warehouse', // 仓库主管 / 发货员
  'logistics', // 物流专员
  'customer_service', // 客服专员
  'allocation_planner', // 品牌产品科 / 渠道业务
  'documents_clerk', // 单证员: checks letters of credit against the contract, prepares export documents
  'admin', // system administrator: admitted everywhere
] as const;

export type Role = (typeof ROLES)[number];

export const hasRole = (roles: readonly string[], allowed: readonly string[]) =>
  roles.includes('admin') || roles.some((r) => allowed.includes(r));

/** A customer's contact logged in to the portal (客户门户): not a staff role, never in ROLES. */
export const CUSTOMER_ROLE = 'customer';

/** A login holding only the customer role reaches the login routes and the portal, nothing of the staff's. */
export const isCustomerOnly = (roles: readonly string[]) => roles.length > 0 && roles.every((r) => r === CUSTOMER_ROLE);
export const PORTAL_REACHABLE = ['/api/auth/', '/api/portal/'];
