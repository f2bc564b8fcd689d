import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { customersApi } from '../../api/customers';
import type { Customer } from '../../api/types';

/** Where a customer's qualification documents are uploaded, coming back to `back` (an order page) afterwards. */
export const customerDocumentsUrl = (customerId: string, back?: string) =>
  `/customers?customer=${encodeURIComponent(customerId)}&documents=1${back ? `&back=${encodeURIComponent(back)}` : ''}`;

/** The page a link came from, when it is a page of this app (never another site). */
export function backLink(params: URLSearchParams): string | undefined {
  const back = params.get('back');
  return back && /^\/[a-z]/i.test(back) && !back.startsWith('//') ? back : undefined;
}

/** The customers page opens the customer named in `?customer=` (a link from an order page). */
export function useCustomerFromQuery(open: (c: Customer) => void) {
  const [params] = useSearchParams();
  const id = params.get('customer');
  useEffect(() => {
    if (id) void customersApi.get(id).then(open);
    // Opened once per link followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
}
