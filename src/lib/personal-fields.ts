import { maskEmail, maskIdNumber, maskPhone } from './mask';

// 个人信息: which role sees which personal field in full. This one table decides for every channel: API
// answers, lists, printed forms and Excel exports. A role not listed sees the masked value (138****5678);
// nobody sees less than the masked value, so a form still says that a number exists.
export const PERSONAL_FIELDS = {
  /** The customer's contact person's phone (客户联系人电话): internal, for those who talk to the customer. */
  contactPhone: ['sales_assistant', 'customer_service', 'sales_director', 'general_manager', 'order_admin'],
  /** The contact person's e-mail address (客户联系人邮箱): like the phone. */
  contactEmail: ['sales_assistant', 'customer_service', 'sales_director', 'general_manager', 'order_admin'],
  /** The consignee's phone (收货人电话): also for those who deliver. */
  consigneePhone: [
    'sales_assistant',
    'customer_service',
    'sales_director',
    'general_manager',
    'order_admin',
    'warehouse',
    'logistics',
  ],
  /** ID numbers of contacts (身份证号), kept for qualification: sales collects them, review checks them. */
  idNumber: ['sales_assistant', 'reviewer', 'general_manager'],
  /** Delivery addresses (收货地址): everyone who handles the order except those who only plan goods. */
  address: [
    'sales_assistant',
    'customer_service',
    'sales_director',
    'general_manager',
    'order_admin',
    'reviewer',
    'finance',
    'warehouse',
    'logistics',
  ],
} as const satisfies Record<string, readonly string[]>;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

/** Does someone with these roles see this field in full? Administrators do. */
export function seesInFull(roles: readonly string[], field: PersonalField): boolean {
  const allowed: readonly string[] = PERSONAL_FIELDS[field];
  return roles.some((r) => r === 'admin' || allowed.includes(r));
}

/** An address keeps its region and street start; the house number and the rest are hidden. */
export function maskAddress(address: string | undefined): string | undefined {
  if (!address) return address;
  const keep = Math.min(6, Math.ceil(address.length / 2));
  return `${address.slice(0, keep)}${'*'.repeat(Math.max(4, address.length - keep))}`;
}

const MASKS: Record<PersonalField, (v: string | undefined) => string | undefined> = {
  contactPhone: maskPhone,
  contactEmail: maskEmail,
  consigneePhone: maskPhone,
  idNumber: maskIdNumber,
  address: maskAddress,
};

/** The value as these roles may see it. */
export function personalValue<T extends string | null | undefined>(
  roles: readonly string[],
  field: PersonalField,
  value: T,
): T {
  if (value === null || value === undefined || value === '' || seesInFull(roles, field)) return value;
  return MASKS[field](value) as T;
}

/**
 * A masked value sent back unchanged (as these roles were shown it) keeps the stored value: masking must never
 * destroy data. Any other value is taken as sent.
 */
export function keepStored<T extends string | null | undefined>(
  roles: readonly string[],
  field: PersonalField,
  sent: T,
  stored: string | null | undefined,
): T {
  if (!sent || !sent.includes('*') || !stored || seesInFull(roles, field)) return sent;
  return (sent === personalValue(roles, field, stored) ? stored : sent) as T;
}

/** Is this value still a mask, i.e. something a role that does not see the field could not have typed in? */
export function stillMasked(roles: readonly string[], field: PersonalField, value: string | null | undefined): boolean {
  if (!value || !value.includes('*')) return false;
  return field === 'address' ? !seesInFull(roles, field) : true;
}
