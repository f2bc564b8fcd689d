import { useCallback, useState } from 'react';
import { ordersApi } from '../../api/orders';
import { productsApi } from '../../api/products';
import type { Product } from '../../api/types';

/** What a line shows of its product: spec, unit, the price list's price and the stock free to promise. */
export type LineProduct = Product & { available?: number };

/** Products of the form's lines, fetched once each with their available stock (summed over warehouses). */
export function useLineProducts() {
  const [products, setProducts] = useState<Record<string, LineProduct>>({});
  const load = useCallback(async (productId: string): Promise<LineProduct> => {
    const [product, stock] = await Promise.all([
      productsApi.get(productId),
      ordersApi.productStock(productId).catch(() => undefined),
    ]);
    const available = stock?.items.reduce((n, s) => n + s.available, 0);
    const found = { ...product, available };
    setProducts((all) => ({ ...all, [productId]: found }));
    return found;
  }, []);
  return { products, load };
}
