import type { Label } from '../../lib/errors';
import { CUSTOMER_ROLE, type Role } from './roles';

/** Names of the roles in the user's language (exports), the customer portal's login too. */
export const roleLabels: Record<Role | typeof CUSTOMER_ROLE, Label> = {
  sales_assistant: { zh: '销售助理', en: 'Sales assistant' },
  reviewer: { zh: '订单审核', en: 'Order reviewer' },
  sales_director: { zh: '销售总监', en: 'Sales director' },
  general_manager: { zh: '总经理', en: 'General manager' },
  finance: { zh: '财务', en: 'Finance' },
  legal: { zh: '法务', en: 'Legal' },
  credit_controller: { zh: '信用管理', en: 'Credit controller' },
  production_planner: { zh: '生产计划', en: 'Production planner' },
  order_admin: { zh: '订单管理', en: 'Order administrator' },
  warehouse: { zh: '仓库', en: 'Warehouse' },
  logistics: { zh: '物流', en: 'Logistics' },
  customer_service: { zh: '客服', en: 'Customer service' },
  allocation_planner: { zh: '分货计划', en: 'Allocation planner' },
  documents_clerk: { zh: '单证员', en: 'Documents clerk' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  [CUSTOMER_ROLE]: { zh: '客户门户账号', en: 'Customer portal login' },
};
