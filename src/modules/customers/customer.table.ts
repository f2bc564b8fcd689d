import type { ColumnType, Generated } from 'kysely';
import type { MessageChannel } from '../../lib/message-kinds';

export type CustomerKind = 'ordinary' | 'franchisee' | 'direct' | 'joint';
export type PaymentMethod = 'prepaid' | 'credit' | 'tt' | 'lc' | 'monthly' | 'cod' | 'dp' | 'da' | 'open_account';
export type Contact = {
  name: string;
  title?: string;
  phone?: string;
  idNumber?: string;
  email?: string;
  channels?: MessageChannel[];
  language?: 'zh' | 'en';
};
export type Address = {
  label?: string;
  consignee: string;
  phone?: string;
  region?: string;
  address: string;
  isDefault?: boolean;
};

type Json<T> = ColumnType<T, string, string>;

export interface CustomersTable {
  company_id: string;
  id: Generated<string>;
  code: string;
  short_code: string;
  name: string;
  kind: CustomerKind;
  region: string;
  payment_method: PaymentMethod;
  payment_days: number;
  /** 逾期利息: daily rate on overdue receivables in basis points (5 = 0.05 % a day); 0 charges none. */
  overdue_interest_bp: Generated<number>;
  credit_limit: string; // numeric(18,2)
  /** 客户折扣: percent off the list price where no customer price applies; null gives none. */
  discount_percent: ColumnType<string | null, string | null | undefined, string | null>;
  priority: number;
  contacts: Json<Contact[]>;
  addresses: Json<Address[]>;
  remark: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** 客户价格表: the customer's own price of a product, in a currency, valid from/to (either open). */
export interface CustomerPricesTable {
  company_id: string;
  id: Generated<string>;
  customer_id: string;
  product_id: string;
  price: string;
  currency: string;
  valid_from: string | null;
  valid_to: string | null;
  updated_at: Date;
  updated_by: string;
}
