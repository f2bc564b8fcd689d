/** A customer's contact with a portal login (role `customer`), bound to that customer of the company. */
export interface PortalUsersTable {
  company_id: string;
  user_id: string;
  customer_id: string;
  phone: string | null;
  email: string | null;
  invited_by: string;
  invited_at: Date;
}
