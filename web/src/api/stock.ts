// 库存: stock per warehouse and product, and its movements.

export type StockRow = {
  productId: string;
  sku: string;
  productName: string;
  spec: string;
  unit: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: string;
};

export type Movement = {
  id: string;
  at: string;
  kind: string;
  sku: string;
  productName: string;
  warehouseCode: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  reference: string;
  actorName: string;
};
