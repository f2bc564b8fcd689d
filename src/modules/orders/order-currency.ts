import type { Db } from '../../db/database';
import { assertCurrency, HOME_CURRENCY, rateFor } from '../settings/exchange-rates';
import type { ExportFieldsInput } from './order.schemas';

/**
 * 外贸订单: the order's currency and the RMB rate of its order date, stored with it, and its trade terms.
 * Amounts stay in the order's money columns in the order's currency (cents of USD for a USD order); RMB
 * equivalents are amount × rate, half-up to the fen. An order is export when it says so, is in a foreign
 * currency or has a trade term.
 */
export async function exportColumns(
  db: Db,
  companyId: string,
  input: ExportFieldsInput & { orderDate?: string },
  current: { currency: string; order_date: string; trade_term?: string | null; export?: boolean },
) {
  const currency = input.currency ?? current.currency;
  const orderDate = input.orderDate ?? current.order_date;
  const rateChanges = input.currency !== undefined || input.orderDate !== undefined;
  if (input.currency !== undefined) await assertCurrency(db, companyId, currency);
  const tradeTerm = input.tradeTerm === undefined ? current.trade_term : input.tradeTerm;
  const exportFlag =
    input.export ??
    (input.currency !== undefined || input.tradeTerm !== undefined
      ? currency !== HOME_CURRENCY || !!tradeTerm
      : current.export);
  return {
    currency: input.currency === undefined ? undefined : currency,
    exchange_rate: rateChanges ? await rateFor(db, companyId, currency, orderDate) : undefined,
    export: exportFlag,
    trade_term: input.tradeTerm,
    port_of_loading: input.portOfLoading,
    port_of_destination: input.portOfDestination,
    container_type: input.containerType,
    container_count: input.containerCount,
  };
}

/** The stored 外贸 terms of an order, a quotation or a contract. */
type ExportTermsRow = {
  currency: string;
  exchange_rate: string;
  export: boolean;
  trade_term: string | null;
  port_of_loading: string | null;
  port_of_destination: string | null;
  container_type: string | null;
  container_count: number | null;
};

/** Those terms as the API names them, the same on an order, a quotation and a contract. */
export const exportTermsOf = (r: ExportTermsRow) => ({
  currency: r.currency,
  exchangeRate: r.exchange_rate,
  export: r.export,
  tradeTerm: r.trade_term,
  portOfLoading: r.port_of_loading,
  portOfDestination: r.port_of_destination,
  containerType: r.container_type,
  containerCount: r.container_count,
});
