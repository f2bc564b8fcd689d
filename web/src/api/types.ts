// Shapes the API returns (see /docs for the full OpenAPI document).
export type Me = {
  user: { id: string; username: string; displayName: string };
  company?: { id: string; code: string; name: string };
  roles: string[];
  companies: { id: string; code: string; name: string; roles: string[] }[];
  csrfToken?: string;
};
export type Contact = { name: string; title?: string; phone?: string; idNumber?: string };
export type Address = { label?: string; consignee: string; phone?: string; region?: string; address: string; isDefault?: boolean };
export type Customer = {
  id: string; code: string; shortCode: string; name: string; kind: string; region: string; paymentMethod: string; paymentDays: number;
  creditLimit: string; priority: number; contacts: Contact[]; addresses: Address[]; remark: string; active: boolean; updatedAt: string;
};
export type Product = { id: string; sku: string; name: string; spec: string; unit: string; listPrice: string; standardCost: string; seasonal: boolean; launchPriority: number; active: boolean };
export type Warehouse = { id: string; code: string; name: string; kind: string; address: string; active: boolean };
export type StockRow = { productId: string; sku: string; productName: string; spec: string; unit: string; warehouseId: string; warehouseCode: string; warehouseName: string; onHand: number; reserved: number; available: number; updatedAt: string };
export type Movement = { id: string; at: string; kind: string; sku: string; productName: string; warehouseCode: string; onHandDelta: number; reservedDelta: number; reason: string; reference: string; actorName: string };
export type User = { id: string; username: string; displayName: string; active: boolean; roles: string[] };
